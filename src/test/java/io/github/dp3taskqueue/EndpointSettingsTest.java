package io.github.dp3taskqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.github.dp3taskqueue.routing.IdType;
import io.github.dp3taskqueue.task.TestData;

class EndpointSettingsTest {

    @Test
    void configDirSuppliesWhatTheOptionsLeaveUnsetAndOptionsWin() {
        TaskQueueConfiguration options = new TaskQueueConfiguration();
        options.setConfigDir(TestData.dir("config").toString());
        EndpointSettings fromFile = EndpointSettings.resolve("app", options);
        assertThat(fromFile.workers()).isEqualTo(4);
        assertThat(fromFile.host()).isEqualTo("localhost");
        assertThat(fromFile.model().idTypes()).containsEntry("ip", IdType.IPV4);

        options.setWorkers(7);
        options.setHost("rabbit.example.org");
        options.setPort(5673);
        options.setEntityIdTypes("ip:string");
        EndpointSettings explicit = EndpointSettings.resolve("app", options);
        assertThat(explicit.workers()).isEqualTo(7);
        assertThat(explicit.host()).isEqualTo("rabbit.example.org");
        assertThat(explicit.port()).isEqualTo(5673);
        assertThat(explicit.model().idTypes()).containsEntry("ip", IdType.STRING).containsEntry("asn", IdType.INT);
        assertThat(explicit.toString()).doesNotContain("guest");
    }

    @Test
    void dp3DefaultsWithoutConfig() {
        EndpointSettings settings = EndpointSettings.resolve("app", new TaskQueueConfiguration());
        assertThat(settings.workers()).isNull();
        assertThat(settings.workersOrDefault()).isEqualTo(1);
        assertThat(settings.describeBroker(null)).isEqualTo("localhost:5672, virtual host '/'");
        assertThat(settings.names().mainExchange()).isEqualTo("app-main-task-exchange");
        assertThat(settings.model().isLoaded()).isFalse();
    }

    @Test
    void outOfRangeOptionsAreRefusedByName() {
        TaskQueueConfiguration options = new TaskQueueConfiguration();
        options.setRetryDelays("1s,soon");
        assertThatThrownBy(() -> EndpointSettings.resolve("app", options)).hasMessageContaining("retryDelays: 'soon'");
        TaskQueueConfiguration port = new TaskQueueConfiguration();
        port.setPort(70000);
        assertThatThrownBy(() -> EndpointSettings.resolve("app", port)).hasMessageContaining("port must be between");
        assertThatThrownBy(() -> EndpointSettings.resolve("", new TaskQueueConfiguration())).hasMessageContaining("application name");
    }
}
