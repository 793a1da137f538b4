package io.github.dp3taskqueue.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.testing.Publisher;
import io.github.dp3taskqueue.testing.TestBroker;

/** The two priority measurements of the consumer; their figures are printed. */
@ExtendWith(TestBroker.class)
class PriorityIT {

    private static final int PREFETCH = 50;

    private static void declare(String app) {
        try (var connection = TestBroker.connect()) {
            var channel = connection.createChannel();
            channel.queueDeclare(app + "-worker-0", true, false, false, java.util.Map.of("x-max-length", 10000, "x-overflow", "reject-publish"));
            channel.queueDeclare(app + "-worker-0-pri", true, false, false, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void preFilledLastPriorityTaskStartsWithinTheFirst2000PlusPrefetch() throws Exception {
        String app = TestBroker.uniqueApp("prefilled");
        declare(app);
        try (Publisher publisher = new Publisher()) {
            List<String> normal = new ArrayList<>();
            List<String> priority = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                normal.add(Publisher.task("e", "n" + i, "x"));
                priority.add(Publisher.task("e", "p" + i, "x"));
            }
            publisher.toQueue(app + "-worker-0", normal);
            publisher.toQueue(app + "-worker-0-pri", priority);
            List<Boolean> order = new CopyOnWriteArrayList<>();
            try (CamelContext camel = new DefaultCamelContext()) {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("dp3-taskqueue:" + app + "?workerIndex=0&prefetch=" + PREFETCH + "&" + TestBroker.brokerOptions())
                                .process(e -> order.add(e.getMessage().getHeader(TaskQueueConstants.FROM_PRIORITY, Boolean.class)));
                    }
                });
                camel.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> order.size() == 4000);
            }
            int lastPriority = order.lastIndexOf(true) + 1;
            System.out.printf("priority-prefilled: last priority task started at position %d of 4000 (limit %d)%n", lastPriority, 2000 + PREFETCH);
            assertThat(lastPriority).isLessThanOrEqualTo(2000 + PREFETCH);
        } finally {
            TestBroker.deleteApp(app, 1);
        }
    }

    @Test
    void priorityTasksArrivingDuringABacklogOvertakeAllButConcurrentConsumersPlusOne() throws Exception {
        for (int concurrency : new int[] {1, 4}) {
            String app = TestBroker.uniqueApp("arrival");
            declare(app);
            try (Publisher publisher = new Publisher()) {
                List<String> normal = new ArrayList<>();
                for (int i = 0; i < 5000; i++) {
                    normal.add(Publisher.task("e", "n" + i, "x"));
                }
                publisher.toQueue(app + "-worker-0", normal);
                AtomicInteger normalStarted = new AtomicInteger();
                ConcurrentHashMap<String, Integer> startedAt = new ConcurrentHashMap<>();
                try (CamelContext camel = new DefaultCamelContext()) {
                    camel.addRoutes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("dp3-taskqueue:" + app + "?workerIndex=0&concurrentConsumers=" + concurrency + "&" + TestBroker.brokerOptions())
                                    .process(e -> {
                                        if (e.getMessage().getHeader(TaskQueueConstants.FROM_PRIORITY, Boolean.class)) {
                                            startedAt.put(e.getMessage().getHeader(TaskQueueConstants.MESSAGE_ID, String.class), normalStarted.get());
                                        } else {
                                            normalStarted.incrementAndGet();
                                        }
                                        Thread.sleep(2);
                                    });
                        }
                    });
                    camel.start();
                    int worst = 0;
                    for (int p = 0; p < 10; p++) {
                        await().atMost(Duration.ofSeconds(30)).until(() -> normalStarted.get() > 100);
                        String id = publisher.toQueue(app + "-worker-0-pri", Publisher.task("e", "p" + p, "x"));
                        publisher.confirm();
                        int atConfirm = normalStarted.get();
                        await().atMost(Duration.ofSeconds(10)).until(() -> startedAt.containsKey(id));
                        worst = Math.max(worst, startedAt.get(id) - atConfirm);
                        Thread.sleep(20);
                    }
                    System.out.printf("priority-arrival (concurrentConsumers=%d): at most %d normal tasks started between a priority task's confirm and its start (limit %d)%n",
                            concurrency, worst, concurrency + 1);
                    assertThat(worst).isLessThanOrEqualTo(concurrency + 1);
                    assertThat(normalStarted.get()).isLessThan(5000);
                }
            } finally {
                TestBroker.deleteApp(app, 1);
            }
        }
    }
}
