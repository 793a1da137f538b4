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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.dp3taskqueue.EndpointSettings;
import io.github.dp3taskqueue.TaskQueueConfiguration;
import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.dp3.codec.JsonLines;
import io.github.dp3taskqueue.dp3.routing.Dp3Hash;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.Refusal;
import io.github.dp3taskqueue.dp3.task.TaskKind;
import io.github.dp3taskqueue.publisher.OutgoingMessage;
import io.github.dp3taskqueue.testing.TestData;

/** The publish path up to the wire, without a broker: body forms, validation, worker choice. */
class PublishPlannerTest {

    private static CamelContext camel;

    @BeforeAll
    static void start() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    private static Exchange exchange(Object body, Map<String, Object> headers) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeaders(new HashMap<>(headers));
        return exchange;
    }

    private static PublishPlanner planner(TaskKind kind, boolean skipInvalid) {
        TaskQueueConfiguration options = new TaskQueueConfiguration();
        options.setTaskType(kind);
        options.setEntityIdTypes("ip:ipv4,A:int");
        options.setWorkers(4);
        options.setSkipInvalidTasks(skipInvalid);
        return new PublishPlanner(EndpointSettings.resolve("app", options), refused -> {
            throw new AssertionError("without the model nothing is refused by it: " + refused);
        });
    }

    private static String task(String eid) {
        return "{\"etype\":\"ip\",\"eid\":\"" + eid + "\",\"delete\":true}";
    }

    @Test
    void everyBodyFormGivesTheHashedWorkerAndCanonicalJson() {
        PublishPlanner planner = planner(TaskKind.DATAPOINT, false);
        for (Object body : List.of(task("10.0.0.1") + "\n" + task("10.0.0.2") + "\n",
                "[" + task("10.0.0.1") + "," + task("10.0.0.2") + "]",
                List.of(task("10.0.0.1"), task("10.0.0.2").getBytes()))) {
            List<OutgoingMessage> messages = planner.plan(exchange(body, Map.of()));
            assertThat(messages).extracting(OutgoingMessage::worker)
                    .containsExactly(Dp3Hash.worker("ip:10.0.0.1", 4), Dp3Hash.worker("ip:10.0.0.2", 4));
            assertThat(messages).allSatisfy(m -> assertThat(m.exchange()).isEqualTo("app-main-task-exchange"));
        }
        List<OutgoingMessage> pretty = planner
                .plan(exchange("{\n  \"etype\": \"ip\",\n  \"eid\": \"10.0.0.1\",\n  \"delete\": true\n}", Map.of()));
        assertThat(new String(pretty.get(0).body())).isEqualTo(task("10.0.0.1"));
    }

    @Test
    void headersChoosePriorityBroadcastAndRoutingKey() {
        PublishPlanner planner = planner(TaskKind.DATAPOINT, false);
        assertThat(planner.plan(exchange(task("10.0.0.1"), Map.of(TaskQueueConstants.PRIORITY_OVERRIDE, "true"))).get(0)
                .exchange())
                .isEqualTo("app-priority-task-exchange");
        assertThat(planner.plan(exchange(task("10.0.0.1"), Map.of(TaskQueueConstants.BROADCAST_OVERRIDE, true))))
                .extracting(OutgoingMessage::routingKey).containsExactly("0", "1", "2", "3");
        assertThat(planner.plan(exchange(task("10.0.0.1"), Map.of(TaskQueueConstants.ROUTING_KEY_OVERRIDE, "3"))).get(0)
                .worker()).isEqualTo(3);
        assertThatThrownBy(
                () -> planner.plan(exchange(task("10.0.0.1"), Map.of(TaskQueueConstants.PRIORITY_OVERRIDE, "maybe"))))
                .hasMessageContaining("header CamelDp3PriorityOverride must be true or false; got 'maybe'");
    }

    @Test
    void snapshotsAndControlMessagesFollowDp3sWriters() {
        assertThat(
                planner(TaskKind.SNAPSHOT, false).plan(exchange(TestData.message("Snapshot-run_start.json"), Map.of())))
                .extracting(OutgoingMessage::worker).containsExactly(0, 1, 2, 3);
        assertThat(planner(TaskKind.SNAPSHOT, false).plan(exchange(TestData.message("Snapshot-task.json"), Map.of())))
                .extracting(OutgoingMessage::worker).containsExactly(Dp3Hash.worker("A:1-A:2", 4));
        assertThat(planner(TaskKind.CONTROL, false)
                .plan(exchange(TestData.message("ControlMessage-make_snapshots.json"), Map.of())))
                .extracting(OutgoingMessage::worker).containsExactly(0);
        assertThat(planner(TaskKind.CONTROL, false)
                .plan(exchange("{\"action\":\"refresh_on_entity_creation\",\"kwargs\":{}}", Map.of())))
                .extracting(OutgoingMessage::exchange).containsOnly("app-control-exchange").hasSize(4);
    }

    @Test
    void aBatchWithBadItemsIsRefusedWholeOrPublishedInPartWithSkipInvalidTasks() {
        String body = task("10.0.0.1") + "\n{broken\n" + task("10.0.0.300") + "\n" + task("10.0.0.4");
        assertThatThrownBy(() -> planner(TaskKind.DATAPOINT, false).plan(exchange(body, Map.of())))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessageContaining("the batch of 4 tasks was refused, nothing published; 2 invalid")
                // JSON lines are named by their line numbers (from 1), blank lines counted
                .hasMessageContaining("line 2: the body is not JSON: at column 2: a key in double quotes was expected")
                .hasMessageContaining("line 3: invalid eid \"10.0.0.300\"");
        Exchange exchange = exchange(body, Map.of());
        assertThat(planner(TaskKind.DATAPOINT, true).plan(exchange)).hasSize(2);
        assertThat(exchange.getMessage().getHeader(TaskQueueConstants.INVALID_TASKS, List.class)).hasSize(2);
        // a part of a larger file: numbered from its first line there
        Exchange part = exchange("\n" + body, Map.of(TaskQueueConstants.FIRST_LINE_NUMBER, 501));
        assertThat(planner(TaskKind.DATAPOINT, true).plan(part)).hasSize(2);
        List<?> invalid = part.getMessage().getHeader(TaskQueueConstants.INVALID_TASKS, List.class);
        assertThat(invalid).hasSize(2);
        assertThat(invalid.get(0).toString()).startsWith("line 503: the body is not JSON");
        assertThat(invalid.get(1).toString()).startsWith("line 504: invalid eid");
        assertThat(JsonLines.firstLineOfGroup(5, 100)).isEqualTo(501);
        assertThatThrownBy(() -> planner(TaskKind.DATAPOINT, false).plan(exchange(List.of(), Map.of())))
                .hasMessageContaining("the batch is empty");
        assertThatThrownBy(() -> planner(TaskKind.DATAPOINT, false).plan(exchange(null, Map.of())))
                .hasMessageContaining("the message body is empty");
        assertThatThrownBy(() -> planner(TaskKind.DATAPOINT, false).plan(exchange("{not json", Map.of())))
                .hasMessageStartingWith("the body is not JSON");
    }

    @Test
    void whatTheModelRefusesIsReportedWhetherTheBodyIsRefusedOrPublishedInPart() {
        List<Refusal> refused = new ArrayList<>();
        TaskQueueConfiguration options = new TaskQueueConfiguration();
        options.setConfigDir(TestData.dir("config").toString());
        String good = "{\"etype\":\"ip\",\"eid\":\"10.0.0.1\",\"data_points\":[{\"etype\":\"ip\",\"eid\":\"10.0.0.1\","
                + "\"attr\":\"hostname\",\"v\":\"a.example.net\"}]}";
        String bad = good.replace("\"a.example.net\"", "5").replace("}]}", ",\"src\":\"nerd\"}]}");
        String body = good + "\n" + bad;
        PublishPlanner strict = new PublishPlanner(EndpointSettings.resolve("app", options), refused::addAll);
        assertThatThrownBy(() -> strict.plan(exchange(body, Map.of()))).isInstanceOf(InvalidTaskException.class);
        options.setSkipInvalidTasks(true);
        PublishPlanner lenient = new PublishPlanner(EndpointSettings.resolve("app", options), refused::addAll);
        assertThat(lenient.plan(exchange(body, Map.of()))).hasSize(1);
        assertThat(refused).hasSize(2).allSatisfy(r -> assertThat(r)
                .isEqualTo(new Refusal("data point 0", "ip", "10.0.0.1", "hostname", "nerd", "string_type")));
    }
}
