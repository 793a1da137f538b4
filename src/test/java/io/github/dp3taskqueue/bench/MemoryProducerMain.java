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

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.dp3taskqueue.TaskQueueConstants;

/**
 * memory-produce, in its own JVM (-Xmx256m): a route streams a JSON-lines file in batches of 500
 * into a small blocking seda stage whose concurrent consumers publish (the recommended shape: the
 * file is read while earlier batches wait for their confirms, and at most a few batches are held
 * in memory). Arguments: host port app file count.
 */
public final class MemoryProducerMain {

    private MemoryProducerMain() {
    }

    public static void main(String[] args) throws Exception {
        HeapSampler heap = new HeapSampler();
        long started = System.nanoTime();
        Path file = Path.of(args[3]);
        long expected = Long.parseLong(args[4]);
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong published = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(Exception.class).handled(true).process(e -> {
                        failed.incrementAndGet();
                        done.countDown();
                    });
                    from("file:" + file.getParent() + "?fileName=" + file.getFileName() + "&noop=true")
                            .split().tokenize("\n", 500).streaming()
                            .to("seda:publish?size=4&blockWhenFull=true")
                            .end();
                    from("seda:publish?size=4&concurrentConsumers=4")
                            .to("dp3-taskqueue:" + args[2] + "?workers=" + BenchSupport.WORKERS + "&host=" + args[0]
                                    + "&port=" + args[1] + "&" + BenchSupport.MODEL)
                            .process(e -> {
                                if (published.addAndGet(e.getMessage().getHeader(TaskQueueConstants.PUBLISHED_COUNT,
                                        Integer.class)) == expected) {
                                    done.countDown();
                                }
                            });
                }
            });
            camel.start();
            if (!done.await(600, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out after " + published.get());
            }
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " batches failed");
            }
        }
        System.out.printf("MEMORY published=%d peak_heap_mb=%.1f seconds=%.1f%n", published.get(), heap.peakMegabytes(),
                (System.nanoTime() - started) / 1e9);
    }
}
