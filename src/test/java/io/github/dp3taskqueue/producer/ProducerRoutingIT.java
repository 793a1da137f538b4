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
package io.github.dp3taskqueue.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.TaskQueueEndpoint;
import io.github.dp3taskqueue.connection.BatchedWrites;
import io.github.dp3taskqueue.connection.BrokerConnection;
import io.github.dp3taskqueue.dp3.routing.Dp3Hash;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.TestBroker;
import io.github.dp3taskqueue.testing.TestData;

/** Tasks land in exactly the queues DP3 would pick. */
@ExtendWith(TestBroker.class)
class ProducerRoutingIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("messages", 4);

    private static String task(String etype, String eid) {
        return "{\"etype\":\"" + etype + "\",\"eid\":\"" + eid + "\",\"data_points\":[{\"etype\":\"" + etype
                + "\",\"eid\":\""
                + eid + "\",\"attr\":\"a\",\"v\":1}]}";
    }

    @Test
    void hashedTasksReachTheWorkerDp3PicksForSeveralWorkerCounts() throws Exception {
        for (int workers : new int[]{1, 2, 4, 7}) {
            String app = TestBroker.uniqueApp("routing");
            try (CamelContext camel = new DefaultCamelContext()) {
                camel.start();
                ProducerTemplate template = camel.createProducerTemplate();
                String uri = "dp3-taskqueue:" + app + "?declareTopology=true&workers=" + workers + "&"
                        + TestBroker.brokerOptions();
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    String eid = "entity-" + i;
                    keys.add("e:" + eid);
                    Exchange result = template.send(uri, e -> e.getMessage().setBody(task("e", eid)));
                    assertThat(result.getException()).isNull();
                    assertThat(result.getMessage().getHeader(TaskQueueConstants.WORKER_INDEX, Integer.class))
                            .isEqualTo(Dp3Hash.worker("e:" + eid, workers));
                    assertThat(result.getMessage().getHeader(TaskQueueConstants.EXCHANGE))
                            .isEqualTo(app + "-main-task-exchange");
                }
                int total = 0;
                for (int w = 0; w < workers; w++) {
                    for (byte[] body : TestBroker.drain(app + "-worker-" + w)) {
                        String json = new String(body, StandardCharsets.UTF_8);
                        String eid = json.substring(json.indexOf("\"eid\":\"") + 7, json.indexOf("\",\"data_points"));
                        assertThat(Dp3Hash.worker("e:" + eid, workers)).as("worker of %s", eid).isEqualTo(w);
                        total++;
                    }
                    assertThat(TestBroker.depth(app + "-worker-" + w + "-pri")).isZero();
                }
                assertThat(total).isEqualTo(keys.size());
            } finally {
                TestBroker.deleteApp(app, workers);
            }
        }
    }

    @Test
    void dp3MessagesGoOutByteForByteWithDp3PropertiesToTheIndexedWorker() throws Exception {
        String app = dp3.app();
        CamelContext camel = dp3.camel();
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        for (String[] row : TestData.tsv("messages/INDEX.tsv")) {
            if (!row[0].startsWith("DataPointTask")) {
                continue;
            }
            byte[] body = TestData.message(row[0]);
            Exchange result = template.send(
                    dp3.uri("declareTopology=true&workers=4"),
                    e -> e.getMessage().setBody(body));
            assertThat(result.getException()).isNull();
            int expected = Integer.parseInt(row[5]);
            List<GetResponse> got = TestBroker.drainResponses(app + "-worker-" + expected);
            assertThat(got).as(row[0]).hasSize(1);
            assertThat(got.get(0).getBody()).isEqualTo(body);
            assertThat(got.get(0).getEnvelope().getRoutingKey()).isEqualTo(Integer.toString(expected));
            var props = got.get(0).getProps();
            assertThat(props.getContentEncoding()).isEqualTo("utf-8");
            assertThat(props.getContentType()).isEqualTo("application/json");
            assertThat(props.getMessageId())
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(props.getCorrelationId()).matches("[0-9a-f-]{36}").isNotEqualTo(props.getMessageId());
            assertThat(props.getTimestamp()).isNotNull();
            assertThat(props.getDeliveryMode()).isEqualTo(2);
            assertThat(props.getHeaders()).isNullOrEmpty();
        }

    }

    @Test
    void priorityBroadcastAndHeaderOverrides() throws Exception {
        String app = dp3.app();
        String base = dp3.uri("declareTopology=true&workers=3");
        CamelContext camel = dp3.camel();
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        int worker = Dp3Hash.worker("e:x", 3);
        template.sendBody(base + "&priority=true", task("e", "x"));
        assertThat(TestBroker.drain(app + "-worker-" + worker + "-pri")).hasSize(1);

        template.sendBodyAndHeader(base, task("e", "x"), TaskQueueConstants.PRIORITY_OVERRIDE, true);
        assertThat(TestBroker.drain(app + "-worker-" + worker + "-pri")).hasSize(1);

        Exchange all = template.send(base + "&broadcast=true", e -> e.getMessage().setBody(task("e", "y")));
        assertThat(all.getMessage().getHeader(TaskQueueConstants.WORKER_INDEXES)).isEqualTo(List.of(0, 1, 2));
        for (int w = 0; w < 3; w++) {
            assertThat(TestBroker.drain(app + "-worker-" + w)).hasSize(1);
        }
        template.sendBodyAndHeaders(base, task("e", "z"),
                Map.of(TaskQueueConstants.BROADCAST_OVERRIDE, true, TaskQueueConstants.PRIORITY_OVERRIDE, true));
        for (int w = 0; w < 3; w++) {
            assertThat(TestBroker.drain(app + "-worker-" + w + "-pri")).hasSize(1);
        }
        template.sendBodyAndHeader(base, task("e", "x"), TaskQueueConstants.ROUTING_KEY_OVERRIDE, "2");
        assertThat(TestBroker.drain(app + "-worker-2")).hasSize(1);

    }

    @Test
    void snapshotsAndControlMessagesAreRoutedAsDp3Does() throws Exception {
        String app = dp3.app();
        String opts = "?declareTopology=true&workers=4&" + TestBroker.brokerOptions();
        CamelContext camel = dp3.camel();
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        template.sendBody("dp3-taskqueue:" + app + opts + "&taskType=snapshot",
                TestData.message("Snapshot-task.json"));
        assertThat(TestBroker.drain(app + "-worker-" + Dp3Hash.worker("A:1-A:2", 4) + "-snapshots"))
                .containsExactly(TestData.message("Snapshot-task.json"));
        template.sendBody("dp3-taskqueue:" + app + opts + "&taskType=snapshot",
                TestData.message("Snapshot-run_start.json"));
        for (int w = 0; w < 4; w++) {
            assertThat(TestBroker.drain(app + "-worker-" + w + "-snapshots"))
                    .containsExactly(TestData.message("Snapshot-run_start.json"));
        }
        template.sendBody("dp3-taskqueue:" + app + opts + "&taskType=control",
                TestData.message("ControlMessage-make_snapshots.json"));
        assertThat(TestBroker.drain(app + "-worker-0-control"))
                .containsExactly(TestData.message("ControlMessage-make_snapshots.json"));
        template.sendBody("dp3-taskqueue:" + app + opts + "&taskType=control",
                "{\"action\":\"refresh_module_config\"}");
        for (int w = 0; w < 4; w++) {
            assertThat(TestBroker.drain(app + "-worker-" + w + "-control")).hasSize(1);
        }
        assertThat(TestBroker.depth(app + "-worker-0")).isZero();

    }

    @Test
    void batchesAreOneOperationWithEveryTaskConfirmed() throws Exception {
        String app = dp3.app();
        String uri = dp3.uri("declareTopology=true&workers=2");
        CamelContext camel = dp3.camel();
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        List<String> list = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            list.add(task("e", "b" + i));
        }
        Exchange a = template.send(uri, e -> e.getMessage().setBody(list));
        assertThat(a.getException()).isNull();
        assertThat(a.getMessage().getHeader(TaskQueueConstants.PUBLISHED_COUNT)).isEqualTo(500);
        Exchange b = template.send(uri,
                e -> e.getMessage().setBody("[" + String.join(",", list.subList(0, 10)) + "]"));
        assertThat(b.getMessage().getHeader(TaskQueueConstants.PUBLISHED_COUNT)).isEqualTo(10);
        Exchange c = template.send(uri, e -> e.getMessage().setBody(String.join("\n", list.subList(0, 7)) + "\n"));
        assertThat(c.getMessage().getHeader(TaskQueueConstants.PUBLISHED_COUNT)).isEqualTo(7);
        assertThat(TestBroker.depth(app + "-worker-0") + TestBroker.depth(app + "-worker-1")).isEqualTo(517);

    }

    /**
     * The component's own connection writes a batch's messages together (BatchedWrites), and what it
     * holds reaches the broker before the producer waits for a confirm: a window of 10 for 1,000
     * tasks waits 100 times, and as ten of these messages do not fill amqp-client's 8 KiB buffer, a
     * wait with them still held would never end. A user's connectionFactory is left as it is.
     */
    @Test
    void aBatchIsWrittenTogetherOnTheComponentsOwnConnectionAndArrivesWholeAndInOrder() throws Exception {
        String app = dp3.app();
        CamelContext camel = dp3.camel();
        camel.start();
        TaskQueueEndpoint own = camel.getEndpoint(dp3.uri("workers=4"), TaskQueueEndpoint.class);
        try (BrokerConnection link = own.openBrokerConnection("test", true)) {
            Channel channel = link.openChannel();
            assertThat(BatchedWrites.of(channel)).isNotNull();
            channel.close();
        }
        CachingConnectionFactory users = new CachingConnectionFactory(TestBroker.host(), TestBroker.port());
        try (CamelContext other = new DefaultCamelContext()) { // the bean is autowired: a context of its own
            other.getRegistry().bind("usersFactory", users);
            other.start();
            TaskQueueEndpoint theirs = other.getEndpoint(
                    "dp3-taskqueue:" + app + "?workers=4&connectionFactory=#usersFactory", TaskQueueEndpoint.class);
            try (BrokerConnection link = theirs.openBrokerConnection("test", true)) {
                Channel channel = link.openChannel();
                assertThat(BatchedWrites.of(channel)).isNull();
                channel.close();
            }
        } finally {
            users.destroy();
        }
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) { // one entity: one worker queue, in order
            tasks.add(task("e", "one").replace("\"v\":1", "\"v\":" + i));
        }
        Exchange sent = camel.createProducerTemplate()
                .asyncSend(dp3.uri("declareTopology=true&workers=4&confirmWindow=10"),
                        e -> e.getMessage().setBody(tasks))
                .get(60, TimeUnit.SECONDS); // held messages the broker never sees would wait for ever
        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(TaskQueueConstants.PUBLISHED_COUNT)).isEqualTo(1000);
        int worker = Dp3Hash.worker("e:one", 4);
        List<String> queued = TestBroker.drain(app + "-worker-" + worker).stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).toList();
        assertThat(queued).containsExactlyElementsOf(tasks);
    }
}
