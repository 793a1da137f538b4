/*
 * Copyright 2026 the dp3-taskqueue authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.dp3taskqueue.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * memory-consume, in its own JVM (-Xmx256m): one route per worker drains the four workers'
 * queues (a JVM hosting a DP3 deployment's four workers holds four prefetch buffers, more than
 * one worker would). Arguments: host port app count.
 */
public final class MemoryConsumerMain {

    private MemoryConsumerMain() {
    }

    public static void main(String[] args) throws Exception {
        HeapSampler heap = new HeapSampler();
        long started = System.nanoTime();
        int count = Integer.parseInt(args[3]);
        CountDownLatch done = new CountDownLatch(count);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (int worker = 0; worker < BenchSupport.WORKERS; worker++) {
                        from("dp3-taskqueue:" + args[2] + "?workerIndex=" + worker + "&workers=" + BenchSupport.WORKERS
                                + "&host=" + args[0]
                                + "&port=" + args[1] + "&" + BenchSupport.MODEL)
                                .process(e -> done.countDown());
                    }
                }
            });
            camel.start();
            if (!done.await(600, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out with " + done.getCount() + " left");
            }
        }
        System.out.printf("MEMORY consumed=%d peak_heap_mb=%.1f seconds=%.1f%n", count, heap.peakMegabytes(),
                (System.nanoTime() - started) / 1e9);
    }
}
