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

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.testing.TestBroker;

/** latency: at a steady 2,000 tasks/s (one in ten priority), publish-to-route-start latency. */
final class LatencyScenario {

    private LatencyScenario() {
    }

    /** {priority p50, priority p99, normal p50, normal p99} in milliseconds. */
    static double[] run(List<String> bodies, int perSecond) throws Exception {
        String app = BenchSupport.freshApp("latency", bodies.size() + 1000);
        Map<String, Long> published = new ConcurrentHashMap<>();
        List<Long> priorityLatency = new CopyOnWriteArrayList<>();
        List<Long> normalLatency = new CopyOnWriteArrayList<>();
        try (CamelContext camel = new DefaultCamelContext(); Connection connection = TestBroker.connect()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("dp3-taskqueue:" + app + "?workerIndex=0&" + TestBroker.brokerOptions()).process(e -> {
                        long now = System.nanoTime();
                        Long sent = published
                                .get(e.getMessage().getHeader(TaskQueueConstants.MESSAGE_ID, String.class));
                        if (sent != null) {
                            (e.getMessage().getHeader(TaskQueueConstants.FROM_PRIORITY, Boolean.class) ? priorityLatency
                                    : normalLatency)
                                    .add(now - sent);
                        }
                    });
                }
            });
            camel.start();
            Channel channel = connection.createChannel();
            long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
            long next = System.nanoTime();
            for (int i = 0; i < bodies.size(); i++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                next += interval;
                String id = UUID.randomUUID().toString();
                String queue = app + "-worker-0" + (i % 10 == 0 ? "-pri" : "");
                published.put(id, System.nanoTime());
                channel.basicPublish("", queue,
                        new AMQP.BasicProperties.Builder().messageId(id).deliveryMode(2).build(),
                        BenchSupport.utf8(bodies.get(i)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (priorityLatency.size() + normalLatency.size() < bodies.size() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            TestBroker.deleteApp(app, BenchSupport.WORKERS);
        }
        long[] pri = priorityLatency.stream().mapToLong(Long::longValue).toArray();
        long[] nor = normalLatency.stream().mapToLong(Long::longValue).toArray();
        return new double[]{BenchSupport.percentile(pri, 50) / 1e6, BenchSupport.percentile(pri, 99) / 1e6,
                BenchSupport.percentile(nor, 50) / 1e6, BenchSupport.percentile(nor, 99) / 1e6};
    }
}
