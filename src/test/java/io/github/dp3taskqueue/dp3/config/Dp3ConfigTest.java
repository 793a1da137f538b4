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
package io.github.dp3taskqueue.dp3.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** processing_core.yml as DP3 reads it, and what a Dp3Config shows of itself. */
class Dp3ConfigTest {

    private static Path config(Path dir, String processingCore) throws IOException {
        Files.writeString(dir.resolve("processing_core.yml"), processingCore);
        return dir;
    }

    @Test
    void aQuotedPortOrWorkerCountIsTheIntegerItSpells(@TempDir Path dir) throws IOException {
        Dp3Config quoted = Dp3Config.read(config(dir, "worker_processes: \"3\"\nmsg_broker:\n  port: \"5673\"\n"));
        assertThat(quoted.port()).isEqualTo(5673);
        assertThat(quoted.workerProcesses()).isEqualTo(3);
        assertThat(Dp3Config.read(config(dir, "msg_broker:\n  port: 5674\n")).port()).isEqualTo(5674);
    }

    @Test
    void aPortThatIsNoIntegerIsRefusedNamingTheKey(@TempDir Path dir) throws IOException {
        config(dir, "msg_broker:\n  port: \"56x\"\n");
        assertThatThrownBy(() -> Dp3Config.read(dir))
                .hasMessageContaining("msg_broker.port must be an integer; got 56x");
        config(dir, "msg_broker:\n  port: 5.5\n");
        assertThatThrownBy(() -> Dp3Config.read(dir))
                .hasMessageContaining("msg_broker.port must be an integer; got 5.5");
    }

    @Test
    void itsTextNeverShowsThePassword(@TempDir Path dir) throws IOException {
        Dp3Config config = Dp3Config
                .read(config(dir, "msg_broker:\n  host: rabbit\n  username: dp3\n  password: s3cret-pw\n"));
        assertThat(config.password()).isEqualTo("s3cret-pw");
        assertThat(config.toString()).contains("host=rabbit", "username=dp3", "password=xxxxxx")
                .doesNotContain("s3cret-pw");
    }

    @Test
    void aBrokenYamlFileIsNamedWithTheParsersLineAndColumn(@TempDir Path dir) throws IOException {
        config(dir, "worker_processes: 2\nmsg_broker:\n  host: [unclosed\n");
        assertThatThrownBy(() -> Dp3Config.read(dir)).hasMessageContaining("processing_core.yml (line ")
                .hasMessageMatching("(?s).*\\(line \\d+, column \\d+\\).*");
    }

    @Test
    void aDirectoryThatIsNotDp3sConfigDirectoryIsRefusedNamingBothParts(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Dp3Config.read(dir)).hasMessageContaining("has neither processing_core.yml nor "
                + "db_entities/: is it DP3's config directory (the one that holds both)?");
        Path entities = Files.createDirectories(dir.resolve("db_entities"));
        Files.writeString(entities.resolve("ip.yml"), "entity: {id: ip, name: ip, snapshot: true}\nattribs: {}\n");
        assertThatThrownBy(() -> Dp3Config.read(entities)).hasMessageContaining("It looks like db_entities/ itself: "
                + "give its parent, " + dir);
    }

    @Test
    void aDirectoryWithOnlyOneOfItsPartsWarnsWhatWasDefaulted(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("db_entities"));
        assertThat(Dp3Config.read(dir).warnings()).singleElement().asString()
                .contains("has no processing_core.yml: worker_processes defaults to 1");
        Files.delete(dir.resolve("db_entities"));
        Files.writeString(dir.resolve("processing_core.yml"), "worker_processes: 2\n");
        Dp3Config config = Dp3Config.read(dir);
        assertThat(config.warnings()).singleElement().asString()
                .contains("has no db_entities/: the data model has no entity type");
        assertThat(config.source("worker_processes")).isEqualTo("configDir " + dir.resolve("processing_core.yml")
                + " (worker_processes)");
    }
}
