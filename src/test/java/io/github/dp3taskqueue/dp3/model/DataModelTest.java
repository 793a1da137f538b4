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
package io.github.dp3taskqueue.dp3.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;

import io.github.dp3taskqueue.dp3.config.Dp3Config;
import io.github.dp3taskqueue.dp3.json.TaskJsonReader;
import io.github.dp3taskqueue.dp3.json.TaskJsonWriter;
import io.github.dp3taskqueue.dp3.task.DataPointTask;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.Snapshot;
import io.github.dp3taskqueue.dp3.task.TaskKind;
import io.github.dp3taskqueue.testing.TestData;

class DataModelTest {

    private static final DataModel MODEL = Dp3Config.read(TestData.dir("config")).dataModel();

    private static DataPointTask task(String json) {
        return (DataPointTask) TaskJsonReader.read(TaskKind.DATAPOINT, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void canonicalisesTaskAndDataPoints() {
        DataPointTask t = (DataPointTask) MODEL.canonical(task(
                "{\"etype\":\"ip6\",\"eid\":\"2001:0DB8::0:1\",\"data_points\":[{\"etype\":\"ip6\","
                        + "\"eid\":\"2001:db8:0::1\",\"attr\":\"hostname\",\"v\":\"h\"}]}"));
        assertThat(TaskJsonWriter.toJson(t)).isEqualTo(
                "{\"etype\":\"ip6\",\"eid\":\"2001:db8::1\",\"data_points\":[{\"etype\":\"ip6\","
                        + "\"eid\":\"2001:db8::1\",\"attr\":\"hostname\",\"v\":\"h\"}]}");
        assertThat(t.hashKey()).isEqualTo("ip6:2001:db8::1");
        DataPointTask asn = (DataPointTask) MODEL
                .canonical(task("{\"etype\":\"asn\",\"eid\":\"64512\",\"delete\":true}"));
        assertThat(TaskJsonWriter.toJson(asn)).isEqualTo("{\"etype\":\"asn\",\"eid\":64512,\"delete\":true}");
    }

    @Test
    void refusesUnknownTypesMismatchesAndInvalidEids() {
        assertThatThrownBy(() -> MODEL.canonical(task("{\"etype\":\"bus\",\"eid\":\"1\",\"delete\":true}")))
                .isInstanceOf(InvalidTaskException.class).hasMessageContaining("unknown entity type 'bus'");
        assertThatThrownBy(() -> MODEL.canonical(task("{\"etype\":\"ip\",\"eid\":\"1.2.3.4\",\"data_points\":"
                + "[{\"etype\":\"ip\",\"eid\":\"1.2.3.5\",\"attr\":\"label\",\"v\":\"x\"}]}")))
                .hasMessageContaining("data_points[0] has eid");
        assertThatThrownBy(() -> MODEL.canonical(task("{\"etype\":\"ip\",\"eid\":\"1.2.3.4\",\"data_points\":"
                + "[{\"etype\":\"domain\",\"eid\":\"1.2.3.4\",\"attr\":\"label\",\"v\":\"x\"}]}")))
                .hasMessageContaining("data_points[0] has etype 'domain'");
        assertThatThrownBy(() -> MODEL.canonical(task("{\"etype\":\"device\",\"eid\":\"zz\",\"delete\":true}")))
                .hasMessageContaining("invalid eid \"zz\" for entity type 'device' (id_data_type mac)");
    }

    @Test
    void withoutAModelEidsStayAsTheyArrived() {
        DataPointTask t = task(
                "{\"etype\":\"A\",\"eid\":7,\"data_points\":[{\"etype\":\"A\",\"eid\":\"7\",\"attr\":\"x\"}]}");
        assertThat(DataModel.NONE.canonical(t)).isSameAs(t);
        assertThat(t.hashKey()).isEqualTo("A:7");
    }

    @Test
    void lenientModelTreatsUnlistedTypesAsString() {
        DataModel model = DataModel.ofIdTypes(DataModel.parseIdTypes("ip:ipv4, device:mac"));
        assertThat(model.canonicalEid("device", new TextNode("AA-BB-CC-DD-EE-FF"))
                .textValue())
                .isEqualTo("aa:bb:cc:dd:ee:ff");
        assertThat(model.canonicalEid("other", new TextNode("X")).textValue())
                .isEqualTo("X");
        assertThatThrownBy(() -> DataModel.parseIdTypes("ip=ipv4")).hasMessageContaining("etype:idtype");
        assertThatThrownBy(() -> DataModel.parseIdTypes("ip:ipv5"))
                .hasMessageContaining("unknown id_data_type 'ipv5'");
    }

    @Test
    void snapshotEntitiesAreCanonicalisedToo() {
        Snapshot s = (Snapshot) MODEL.canonical(TaskJsonReader.read(TaskKind.SNAPSHOT,
                "{\"entities\":[[\"asn\",\"1\"],[\"asn\",2]],\"time\":\"2024-05-01T12:00:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(s.hashKey()).isEqualTo("asn:1-asn:2");
        assertThat(TaskJsonWriter.toJson(s)).startsWith("{\"entities\":[[\"asn\",1],[\"asn\",2]]");
    }

    @Test
    void configDirectorySuppliesBrokerAndWorkers() {
        Dp3Config config = Dp3Config.read(TestData.dir("config"));
        assertThat(config.workerProcesses()).isEqualTo(4);
        assertThat(config.host()).isEqualTo("localhost");
        assertThat(config.port()).isEqualTo(5672);
        assertThat(config.virtualHost()).isEqualTo("/");
        assertThat(config.dataModel().idTypes()).containsExactlyInAnyOrderEntriesOf(Map.of("asn", IdType.INT,
                "device", IdType.MAC, "domain", IdType.STRING, "ip", IdType.IPV4, "ip6", IdType.IPV6));
    }
}
