package io.github.dp3taskqueue.bench;

import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import io.github.dp3taskqueue.routing.Dp3Hash;
import io.github.dp3taskqueue.testing.TestBroker;

/**
 * produce-single and produce-batch: the component in a Camel route against a plain amqp-client
 * publisher with asynchronous confirms and a window of 1,000, same bodies and properties, persistent,
 * mandatory.
 */
final class ProduceScenario {

    /** The recommended shape for one task per exchange: a seda stage with concurrent consumers. */
    static final int SEDA_CONSUMERS = Integer.getInteger("bench.sedaConsumers", 4);

    /**
     * The recommended window for batches of 500: a producer reads and checks a whole batch before
     * sending any of it, and with the default window (1,000, two batches) the broker runs out of
     * work during that pause. Measured here: 0.89 of the baseline with 1,000, 0.93 with 2,000, 0.95
     * with 3,000 (medians of 4 rounds each).
     */
    static final int BATCH_CONFIRM_WINDOW = 3000;

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

    /** Tasks per second through a Camel route, one task per exchange or {@code batch} per exchange. */
    static Run component(List<String> bodies, int batch) throws Exception {
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
                    from("seda:tasks?concurrentConsumers=" + SEDA_CONSUMERS
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
            // a seda consumer does not poll while the CamelContext is starting: it sleeps for its
            // poll timeout (1 s by default) and looks again. Timed from here, that second was a
            // fifth of every component round; with a 100 ms timeout, waiting 300 ms covers it
            Thread.sleep(300);
            ProducerTemplate template = camel.createProducerTemplate();
            // resolved once: a URI per send would have Camel normalise it 100,000 times on the
            // driver's thread, CPU taken from the route and the broker, not a cost of the component
            Endpoint tasks = camel.getEndpoint("seda:tasks?size=10000&blockWhenFull=true");
            CpuUse cpu = CpuUse.now();
            long start = System.nanoTime();
            if (batch == 1) {
                for (String body : bodies) {
                    template.sendBody(tasks, body);
                }
            } else {
                for (int from = 0; from < bodies.size(); from += batch) {
                    template.sendBody(tasks, List.copyOf(bodies.subList(from, Math.min(bodies.size(), from + batch))));
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
