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

import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import io.github.dp3taskqueue.dp3.routing.Dp3Hash;
import io.github.dp3taskqueue.testing.TestBroker;

/**
 * produce-single, produce-single-seda and produce-batch: the component in a Camel route (fed as
 * {@link Feed} says) against a plain amqp-client publisher with asynchronous confirms and a window
 * of 1,000, same bodies and properties, persistent, mandatory.
 */
final class ProduceScenario {

    /** The seda stage's consumers, in front of a synchronous source (see {@link Feed#SEDA}). */
    static final int SEDA_CONSUMERS = Integer.getInteger("bench.sedaConsumers", 4);

    /** How the driver hands its exchanges to the route that holds the producer. */
    enum Feed {
        /**
         * An asynchronous call ({@code AsyncProducer.process} on {@code direct:}): the driver's thread
         * runs the route up to the publish and goes on to the next task, as an asynchronous Camel
         * consumer's thread does; the confirm window holds it back. No hand-off between threads
         * before the publish: measured on 2026-12-02, 32-38 us of JVM CPU per task against 46-54 us
         * through the seda stage, whose queue (full, as the driver is faster) wakes a thread per task.
         */
        DIRECT,
        /**
         * A seda stage with {@link #SEDA_CONSUMERS} concurrent consumers, the shape for a source
         * that waits for each exchange (a file, a split, a timer): {@code sendBody} on
         * {@code seda:tasks}.
         */
        SEDA
    }

    /** The produce scenarios: their RESULT names, tasks per exchange and feed, decided here once. */
    enum Shape {
        SINGLE("produce-single", 1, Feed.DIRECT), SINGLE_SEDA("produce-single-seda", 1,
                Feed.SEDA), BATCH("produce-batch", 500, Feed.SEDA);

        final String label;
        final int batch;
        final Feed feed;

        Shape(String label, int batch, Feed feed) {
            this.label = label;
            this.batch = batch;
            this.feed = feed;
        }

        /** The shape of that name, or {@code null}. */
        static Shape named(String label) {
            for (Shape shape : values()) {
                if (shape.label.equals(label)) {
                    return shape;
                }
            }
            return null;
        }
    }

    /**
     * The recommended window for batches of 500: a producer reads and checks a whole batch before
     * sending any of it, and with the default window (1,000, two batches) the broker runs out of
     * work during that pause. Measured here: 0.89 of the baseline with 1,000, 0.93 with 2,000, 0.95
     * with 3,000 (medians of 4 rounds each); with turns (2026-12-03, 9 rounds in a rotating order
     * in one run), 3,000 gave 0.975 and 8,000 gave 1.03, faster than 3,000 in 6 of the 9 rounds.
     */
    static final int BATCH_CONFIRM_WINDOW = 8000;

    private ProduceScenario() {
    }

    /**
     * One timed run: tasks per second, and the CPU this JVM used while it was timed (the route or
     * the baseline publisher, its driver and the client library; not the set-up around it).
     */
    record Run(double rate, long jvmCpuNanos, int tasks) {

        double cpuMicrosPerTask() {
            return jvmCpuNanos / 1000.0 / tasks;
        }
    }

    /** Tasks per second through a Camel route, one task per exchange or {@code shape.batch} per exchange. */
    static Run component(List<String> bodies, Shape shape) throws Exception {
        int batch = shape.batch;
        Feed feed = shape.feed;
        String app = BenchSupport.freshApp("produce", bodies.size() + 1000);
        try (CamelContext camel = new DefaultCamelContext()) {
            CountDownLatch done = new CountDownLatch(batch == 1 ? bodies.size() : (bodies.size() + batch - 1) / batch);
            AtomicInteger failed = new AtomicInteger();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(Exception.class).handled(true).process(e -> {
                        failed.incrementAndGet();
                        done.countDown();
                    });
                    from(feed == Feed.DIRECT ? "direct:tasks"
                            : "seda:tasks?concurrentConsumers=" + SEDA_CONSUMERS
                                    + "&size=10000&blockWhenFull=true&pollTimeout=100")
                            .to("dp3-taskqueue:" + app + "?workers=" + BenchSupport.WORKERS + "&" + BenchSupport.MODEL
                                    + "&"
                                    + TestBroker.brokerOptions()
                                    + (batch > 1 ? "&confirmWindow=" + BATCH_CONFIRM_WINDOW : "")
                                    + System.getProperty("bench.producerOptions", ""))
                            .process(e -> done.countDown());
                }
            });
            camel.start();
            if (feed == Feed.SEDA) {
                // a seda consumer does not poll while the CamelContext is starting: it sleeps for its
                // poll timeout (1 s by default) and looks again. Timed from here, that second was a
                // fifth of every component round; with a 100 ms timeout, waiting 300 ms covers it
                Thread.sleep(300);
            }
            Consumer<Object> send = sender(camel, feed);
            CpuUse cpu = CpuUse.now();
            long start = System.nanoTime();
            if (batch == 1) {
                for (String body : bodies) {
                    send.accept(body);
                }
            } else {
                for (int from = 0; from < bodies.size(); from += batch) {
                    send.accept(List.copyOf(bodies.subList(from, Math.min(bodies.size(), from + batch))));
                }
            }
            if (!done.await(300, TimeUnit.SECONDS) || failed.get() > 0) {
                throw new IllegalStateException(
                        "component produce: " + failed.get() + " exchanges failed or timed out");
            }
            double rate = bodies.size() / ((System.nanoTime() - start) / 1e9);
            long used = CpuUse.now().since(cpu).jvmNanos();
            check(app, bodies.size());
            return new Run(rate, used, bodies.size());
        } finally {
            TestBroker.deleteApp(app, BenchSupport.WORKERS);
        }
    }

    /**
     * Sends one body into the route. Endpoints are resolved once: a URI per send would have Camel
     * normalise it 100,000 times on the driver's thread, CPU taken from the route and the broker,
     * not a cost of the component. The route counts what ended (done or failed), so the
     * asynchronous call's own callback has nothing to do.
     */
    private static Consumer<Object> sender(CamelContext camel, Feed feed) throws Exception {
        if (feed == Feed.SEDA) {
            ProducerTemplate template = camel.createProducerTemplate();
            Endpoint tasks = camel.getEndpoint("seda:tasks?size=10000&blockWhenFull=true");
            return body -> template.sendBody(tasks, body);
        }
        Endpoint tasks = camel.getEndpoint("direct:tasks");
        AsyncProducer producer = tasks.createAsyncProducer();
        camel.addService(producer); // started now, stopped with the CamelContext
        return body -> {
            Exchange exchange = tasks.createExchange();
            exchange.getMessage().setBody(body);
            producer.process(exchange, doneSync -> {
            });
        };
    }

    /** Tasks per second of a plain amqp-client publisher with a window of 1,000 async confirms. */
    static Run baseline(List<String> bodies) throws Exception {
        String app = BenchSupport.freshApp("baseline", bodies.size() + 1000);
        try (Connection connection = TestBroker.connect()) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            Semaphore window = new Semaphore(1000);
            ConcurrentSkipListSet<Long> outstanding = new ConcurrentSkipListSet<>();
            AtomicInteger nacked = new AtomicInteger();
            channel.addConfirmListener((tag, multiple) -> release(outstanding, window, tag, multiple),
                    (tag, multiple) -> nacked.addAndGet(release(outstanding, window, tag, multiple)));
            String exchange = app + "-main-task-exchange";
            CpuUse cpu = CpuUse.now();
            long start = System.nanoTime();
            for (String body : bodies) {
                String key = "ip:" + body.substring(21, body.indexOf('"', 21));
                window.acquire();
                outstanding.add(channel.getNextPublishSeqNo());
                // the component's properties exactly (DP3's client's, PROTOCOL.md section 4): the broker's
                // cost per message grows with them (about 15% for correlation id and timestamp), so
                // both sides must send the same
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                        .contentEncoding("utf-8").messageId(UUID.randomUUID().toString())
                        .correlationId(UUID.randomUUID().toString())
                        .timestamp(new Date(System.currentTimeMillis() / 1000 * 1000)).deliveryMode(2)
                        .build();
                channel.basicPublish(exchange, Integer.toString(Dp3Hash.worker(key, BenchSupport.WORKERS)), true,
                        properties,
                        BenchSupport.utf8(body));
            }
            window.acquire(1000);
            double rate = bodies.size() / ((System.nanoTime() - start) / 1e9);
            long used = CpuUse.now().since(cpu).jvmNanos();
            if (nacked.get() > 0) {
                throw new IllegalStateException("baseline: " + nacked.get() + " nacks");
            }
            check(app, bodies.size());
            return new Run(rate, used, bodies.size());
        } finally {
            TestBroker.deleteApp(app, BenchSupport.WORKERS);
        }
    }

    static int release(ConcurrentSkipListSet<Long> outstanding, Semaphore window, long tag, boolean multiple) {
        int count;
        if (multiple) {
            var head = outstanding.headSet(tag, true);
            count = head.size();
            head.clear();
        } else {
            count = outstanding.remove(tag) ? 1 : 0;
        }
        window.release(count);
        return count;
    }

    private static void check(String app, int expected) {
        long total = 0;
        for (int w = 0; w < BenchSupport.WORKERS; w++) {
            total += TestBroker.depth(app + "-worker-" + w);
        }
        if (total != expected) {
            throw new IllegalStateException("expected " + expected + " messages in the queues, found " + total);
        }
    }
}
