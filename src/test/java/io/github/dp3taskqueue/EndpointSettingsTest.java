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
package io.github.dp3taskqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.github.dp3taskqueue.dp3.model.DataModel;
import io.github.dp3taskqueue.dp3.model.IdType;
import io.github.dp3taskqueue.dp3.task.TaskKind;
import io.github.dp3taskqueue.testing.TestData;

class EndpointSettingsTest {

    @Test
    void configDirSuppliesWhatTheOptionsLeaveUnsetAndOptionsWin() {
        TaskQueueConfiguration options = new TaskQueueConfiguration();
        options.setConfigDir(TestData.dir("config").toString());
        EndpointSettings fromFile = EndpointSettings.resolve("app", options);
        assertThat(fromFile.workers()).isEqualTo(4);
        assertThat(fromFile.host()).isEqualTo("localhost");
        assertThat(fromFile.codec().model().idTypes()).containsEntry("ip", IdType.IPV4);

        options.setWorkers(7);
        options.setHost("rabbit.example.org");
        options.setPort(5673);
        options.setEntityIdTypes("ip:string");
        EndpointSettings explicit = EndpointSettings.resolve("app", options);
        assertThat(explicit.workers()).isEqualTo(7);
        assertThat(explicit.host()).isEqualTo("rabbit.example.org");
        assertThat(explicit.port()).isEqualTo(5673);
        assertThat(explicit.codec().model().idTypes()).containsEntry("ip", IdType.STRING).containsEntry("asn",
                IdType.INT);
        assertThat(explicit.toString()).doesNotContain("guest");
    }

    @Test
    void theOriginsSayWhereTheWorkerCountTheBrokerAndTheCredentialsCameFrom() {
        TaskQueueConfiguration options = new TaskQueueConfiguration();
        Path core = TestData.dir("config").resolve("processing_core.yml");
        options.setConfigDir(TestData.dir("config").toString());
        options.setPort(5673);
        options.setPassword("secret");
        EndpointSettings.Origins origins = EndpointSettings.resolve("app", options).origins();
        assertThat(origins.workers()).isEqualTo("configDir " + core + " (worker_processes)");
        assertThat(origins.broker()).isEqualTo("host, virtual host from configDir " + core + " (msg_broker.*); port "
                + "from the options");
        assertThat(origins.credentials()).isEqualTo("user 'guest' from configDir " + core + " (msg_broker.username), "
                + "password from option password").doesNotContain("secret");

        EndpointSettings.Origins defaults = EndpointSettings.resolve("app", new TaskQueueConfiguration()).origins();
        assertThat(defaults.workers()).isEqualTo("DP3's default (no workers option, no worker_processes)");
        assertThat(defaults.broker()).isEqualTo("host, port, virtual host from DP3's defaults");
        assertThat(defaults.credentials()).isEqualTo("user 'guest' from DP3's default, password from DP3's default");
    }

    @Test
    void dp3DefaultsWithoutConfig() {
        EndpointSettings settings = EndpointSettings.resolve("app", new TaskQueueConfiguration());
        assertThat(settings.workers()).isNull();
        assertThat(settings.workersOrDefault()).isEqualTo(1);
        assertThat(settings.describeBroker(null)).isEqualTo("localhost:5672, virtual host '/'");
        assertThat(settings.names().mainExchange()).isEqualTo("app-main-task-exchange");
        assertThat(settings.codec().model()).isSameAs(DataModel.NONE);
    }

    @Test
    void outOfRangeOptionsAreRefusedByName() {
        TaskQueueConfiguration options = new TaskQueueConfiguration();
        options.setRetryDelays("1s,soon");
        assertThatThrownBy(() -> EndpointSettings.resolve("app", options)).hasMessageContaining("retryDelays: 'soon'");
        TaskQueueConfiguration port = new TaskQueueConfiguration();
        port.setPort(70000);
        assertThatThrownBy(() -> EndpointSettings.resolve("app", port)).hasMessageContaining("port must be between");
        assertThatThrownBy(() -> EndpointSettings.resolve("", new TaskQueueConfiguration()))
                .hasMessageContaining("application name");
    }

    @Test
    void enumOptionsTakeTheirValuesInAnyCaseAndRefuseOthersNamingTheOption() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            TaskQueueEndpoint endpoint = camel.getEndpoint(
                    "dp3-taskqueue:app?taskType=snapshot&onFailure=REJECT&queueType=Quorum",
                    TaskQueueEndpoint.class);
            assertThat(endpoint.getConfiguration().getTaskType()).isEqualTo(TaskKind.SNAPSHOT);
            assertThat(endpoint.getConfiguration().getOnFailure()).isEqualTo(FailurePolicy.REJECT);
            assertThat(endpoint.getSettings().topology().quorum()).isTrue();
            assertThatThrownBy(() -> camel.getEndpoint("dp3-taskqueue:app?onFailure=drop"))
                    .hasMessageContaining("onFailure=drop");
            assertThatThrownBy(() -> camel.getEndpoint("dp3-taskqueue:app?taskType=other"))
                    .hasMessageContaining("taskType=other");
        }
    }

    @Test
    void requestedHeartbeatIsADurationAndABareNumberIsSeconds() {
        assertThat(EndpointSettings.heartbeatSeconds("60")).isEqualTo(60);
        assertThat(EndpointSettings.heartbeatSeconds("60s")).isEqualTo(60);
        assertThat(EndpointSettings.heartbeatSeconds("2m")).isEqualTo(120);
        assertThat(EndpointSettings.heartbeatSeconds("0")).isZero();
        assertThatThrownBy(() -> EndpointSettings.heartbeatSeconds("1500ms")).hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> EndpointSettings.heartbeatSeconds("soon"))
                .hasMessageContaining("requestedHeartbeat: 'soon'");
        TaskQueueConfiguration options = new TaskQueueConfiguration();
        assertThat(EndpointSettings.resolve("app", options).heartbeatSeconds()).isEqualTo(60);
    }

    @Test
    void workerIndexAndItsSynonymIndexAreOneOption() {
        TaskQueueConfiguration synonym = new TaskQueueConfiguration();
        synonym.setIndex(2);
        assertThat(synonym.getWorkerIndex()).as("no setter side effect").isNull();
        assertThat(EndpointSettings.resolve("app", synonym).workerIndex()).isEqualTo(2);
        TaskQueueConfiguration both = new TaskQueueConfiguration();
        both.setIndex(1);
        both.setWorkerIndex(1);
        assertThatThrownBy(() -> EndpointSettings.resolve("app", both))
                .hasMessageContaining("workerIndex (1) and index (1)");
    }

    @Test
    void consumerOptionsAreValidatedWithTheRest() {
        TaskQueueConfiguration options = new TaskQueueConfiguration();
        options.setPrefetch(0);
        assertThatThrownBy(() -> EndpointSettings.resolve("app", options))
                .hasMessageContaining("prefetch must be >= 1; got 0");
        TaskQueueConfiguration index = new TaskQueueConfiguration();
        index.setWorkers(2);
        index.setWorkerIndex(2);
        assertThatThrownBy(() -> EndpointSettings.resolve("app", index))
                .hasMessageContaining("workerIndex must be below workers (2)");
    }

    @Test
    void whatAConsumerNeedsIsCheckedByTheSettingsToo() {
        TaskQueueConfiguration none = new TaskQueueConfiguration();
        assertThatThrownBy(() -> EndpointSettings.resolve("app", none).requireConsumer())
                .hasMessageContaining("needs workerIndex (or index)");
        TaskQueueConfiguration all = new TaskQueueConfiguration();
        all.setAllWorkers(true);
        assertThatThrownBy(() -> EndpointSettings.resolve("app", all).requireConsumer())
                .hasMessageContaining("allWorkers needs workers");
        TaskQueueConfiguration declare = new TaskQueueConfiguration();
        declare.setWorkerIndex(0);
        declare.setDeclareTopology(true);
        assertThatThrownBy(() -> EndpointSettings.resolve("app", declare).requireConsumer())
                .hasMessageContaining("declareTopology on a consumer needs workers");
        declare.setWorkers(2);
        EndpointSettings.resolve("app", declare).requireConsumer();
    }
}
