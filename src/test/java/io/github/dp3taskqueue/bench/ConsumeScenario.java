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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import io.github.dp3taskqueue.testing.TestBroker;

/**
 * consume: half the tasks in worker 0's priority queue, half in its normal queue, drained by a
 * route that only completes (component, default options) or by a plain amqp-client reader
 * with two channels, prefetch 50, priority buffer polled first and one ack per message.
 */
final class ConsumeScenario {

    private static final int PREFETCH = 50; // the component's default

    private ConsumeScenario() {
    }

    private record Delivery(Channel channel, long tag) {
    }

    /**
     * Fills the queues: even tasks to the priority queue, odd ones to the normal queue, each queue
     * by its own connection at the same time (a quarter faster than one channel for both here),
     * with asynchronous confirms (a window of 2,000), as fast as the broker takes them.
     */
    static String prefill(List<String> bodies) throws Exception {
        String app = BenchSupport.freshApp("consume", bodies.size() + 1000);
        ExecutorService publishers = Executors.newFixedThreadPool(2);
        try {
            Future<?> priority = publishers.submit(() -> fill(app + "-worker-0-pri", bodies, 0));
            Future<?> normal = publishers.submit(() -> fill(app + "-worker-0", bodies, 1));
            priority.get();
            normal.get();
        } finally {
            publishers.shutdown();
        }
        return app;
    }

    /** Publishes every other body from {@code first} on to {@code queue}, persistent and confirmed. */
    private static Void fill(String queue, List<String> bodies, int first) throws Exception {
        try (Connection connection = TestBroker.connect()) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            Semaphore window = new Semaphore(2000);
            ConcurrentSkipListSet<Long> outstanding = new ConcurrentSkipListSet<>();
            AtomicInteger nacked = new AtomicInteger();
            channel.addConfirmListener((tag, multiple) -> ProduceScenario.release(outstanding, window, tag, multiple),
                    (tag, multiple) -> nacked.addAndGet(ProduceScenario.release(outstanding, window, tag, multiple)));
            AMQP.BasicProperties persistent = new AMQP.BasicProperties.Builder().deliveryMode(2).build();
            for (int i = first; i < bodies.size(); i += 2) {
                window.acquire();
                outstanding.add(channel.getNextPublishSeqNo());
                channel.basicPublish("", queue, persistent, BenchSupport.utf8(bodies.get(i)));
            }
            if (!window.tryAcquire(2000, 120, TimeUnit.SECONDS) || nacked.get() > 0) {
                throw new IllegalStateException(
                        "prefill of " + queue + ": confirms missing or " + nacked.get() + " nacks");
            }
        }
        return null;
    }

    static double component(List<String> bodies) throws Exception {
        String app = prefill(bodies);
        try (CamelContext camel = new DefaultCamelContext()) {
            CountDownLatch done = new CountDownLatch(bodies.size());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("dp3-taskqueue:" + app + "?workerIndex=0&workers=" + BenchSupport.WORKERS + "&"
                            + BenchSupport.MODEL + "&"
                            + TestBroker.brokerOptions() + System.getProperty("bench.consumerOptions", ""))
                            .routeId("consume").autoStartup(false)
                            .process(e -> done.countDown());
                }
            });
            // timed from the route's start (the consumer connects, checks its queues and subscribes),
            // not from the CamelContext's, whose own start-up the baseline has no counterpart of
            camel.start();
            long start = System.nanoTime();
            camel.getRouteController().startRoute("consume");
            if (!done.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("component consume timed out with " + done.getCount() + " left");
            }
            return bodies.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            TestBroker.deleteApp(app, BenchSupport.WORKERS);
        }
    }

    static double baseline(List<String> bodies) throws Exception {
        String app = prefill(bodies);
        try (Connection connection = TestBroker.connect()) {
            BlockingQueue<Delivery> priority = new LinkedBlockingQueue<>();
            BlockingQueue<Delivery> normal = new LinkedBlockingQueue<>();
            Object signal = new Object();
            long start = System.nanoTime();
            for (boolean isPriority : new boolean[]{true, false}) {
                Channel channel = connection.createChannel();
                channel.basicQos(PREFETCH);
                BlockingQueue<Delivery> buffer = isPriority ? priority : normal;
                channel.basicConsume(app + "-worker-0" + (isPriority ? "-pri" : ""), false,
                        new DefaultConsumer(channel) {
                            @Override
                            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                                    byte[] body) {
                                buffer.add(new Delivery(channel, envelope.getDeliveryTag()));
                                synchronized (signal) {
                                    signal.notifyAll();
                                }
                            }
                        });
            }
            for (int processed = 0; processed < bodies.size();) {
                Delivery next = priority.poll();
                if (next == null) {
                    next = normal.poll();
                }
                if (next == null) {
                    synchronized (signal) {
                        if (priority.isEmpty() && normal.isEmpty()) {
                            signal.wait(1);
                        }
                    }
                    continue;
                }
                next.channel().basicAck(next.tag(), false);
                processed++;
            }
            return bodies.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            TestBroker.deleteApp(app, BenchSupport.WORKERS);
        }
    }
}
