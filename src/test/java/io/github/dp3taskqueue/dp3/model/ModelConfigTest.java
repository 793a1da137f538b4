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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.dp3taskqueue.dp3.config.Dp3Config;
import io.github.dp3taskqueue.testing.TestData;

/**
 * Reading db_entities/ as DP3 does: what it builds, and every config DP3 refuses, named by file, attribute and problem.
 */
class ModelConfigTest {

    @TempDir
    Path dir;

    @Test
    void theTestModelHasEveryAttributeTypeAndTheMirror() {
        DataModel model = Dp3Config.read(TestData.dir("model/config")).dataModel();
        assertThat(model.entities()).containsOnlyKeys("autsys", "host", "host6", "nic", "service");
        assertThat(model.entity("nic").idType()).isEqualTo(IdType.MAC);
        assertThat(model.attribute("host", "traffic").kind()).isEqualTo(AttributeSpec.Kind.TIMESERIES);
        assertThat(model.attribute("host", "flows").series()).containsOnlyKeys("count", "duration", "time");
        assertThat(model.attribute("autsys", "updates").series().keySet()).containsExactly("msgs", "withdrawn",
                "time_first",
                "time_last");
        assertThat(model.attribute("host", "nics").dataType()).isInstanceOf(Composite.ReadOnly.class);
        assertThat(model.attribute("host", "geo").dataType().configName())
                .isEqualTo("dict<country:string,lat:float,lon:float,city?:string>");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "entity: {id: e, name: E, snapshot: true, colour: red}|e.yml|colour",
            "entity: {id: other, name: E, snapshot: true}|e.yml|does not match entity id 'other'",
            "entity: {id: e, name: E}|e.yml|snapshot",
            "entity: {id: e, name: E, snapshot: true, id_data_type: uuid}|e.yml|id_data_type",
            "x: {a: {name: A, type: plain, data_type: integer}}|e.yml|attribute 'a': data_type 'integer': Data type "
                    + "'integer' is not supported",
            "x: {a: {name: A, type: Plain, data_type: int}}|e.yml|attribute 'a': Invalid `type` of attribute 'Plain'",
            "x: {a: {name: A, type: plain, data_type: int, colour: red}}|e.yml|attribute 'a': colour: Extra inputs "
                    + "are not permitted",
            "x: {a: {name: A, type: plain, data_type: 'link<nowhere>'}}|e.yml|attribute 'a': data_type "
                    + "'link<nowhere>': Entity type 'nowhere' is not defined",
            "x: {a: {name: A, type: plain, data_type: 'array<array<int>>'}}|e.yml|is not supported as an array element",
            "x: {a: {name: A, type: plain, data_type: 'dict<k:array<int>>'}}|e.yml|Data type 'dict<k:array<int>>' is "
                    + "not supported",
            "x: {a: {name: A, type: plain, data_type: 'category<time;a,b>'}}|e.yml|cannot be a category's value type",
            "x: {a: {name: A, type: timeseries, timeseries_type: regular, series: {s: {data_type: string}}, "
                    + "timeseries_params: {}}}|e.yml|"
                    + "Data type of series must be one of int, int64, float, time",
            "x: {a: {name: A, type: timeseries, timeseries_type: regular, series: {s: {data_type: "
                    + "int}}}}|e.yml|timeseries_params: Field required",
            "x: {a: {name: A, type: plain, data_type: int, history_params: {}}}|e.yml|history_params: Extra inputs "
                    + "are not permitted",
    })
    void aConfigDp3RefusesIsAnErrorNamingFileAttributeAndProblem(String yaml, String file, String problem)
            throws IOException {
        Path entities = Files.createDirectories(dir.resolve("db_entities"));
        String text = yaml.startsWith("x: ") ? "entity: {id: e, name: E, snapshot: true}\nattribs: " + yaml.substring(3)
                : yaml + "\nattribs: {}";
        Files.writeString(entities.resolve(file), text);
        assertThatThrownBy(() -> Dp3Config.read(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file)
                .hasMessageContaining(problem);
    }

    @Test
    void aMirrorNameTheLinkedEntityAlreadyHasIsRefused() throws IOException {
        Path entities = Files.createDirectories(dir.resolve("db_entities"));
        Files.writeString(entities.resolve("a.yml"), "entity: {id: a, name: A, snapshot: true}\n"
                + "attribs: {to_b: {name: x, type: plain, data_type: 'link<b;mirror=back>'}}\n");
        Files.writeString(entities.resolve("b.yml"), "entity: {id: b, name: B, snapshot: true}\n"
                + "attribs: {back: {name: x, type: plain, data_type: string}}\n");
        assertThatThrownBy(() -> Dp3Config.read(dir)).hasMessageContaining("b.yml")
                .hasMessageContaining("'b.back' is a mirrored attribute");
    }

    @Test
    void emptyFilesAndOtherEndingsAreSkippedAndASubdirectoryIsRefused() throws IOException {
        Path entities = Files.createDirectories(dir.resolve("db_entities"));
        Files.writeString(entities.resolve("empty.yml"), "# nothing\n");
        Files.writeString(entities.resolve("notes.yaml"), "not: read");
        Files.writeString(entities.resolve("e.yml"), "entity: {id: e, name: E, snapshot: true}\nattribs: {}\n");
        assertThat(Dp3Config.read(dir).dataModel().entities()).containsOnlyKeys("e");
        Files.createDirectories(entities.resolve("sub"));
        assertThatThrownBy(() -> Dp3Config.read(dir)).hasMessageContaining("sub").hasMessageContaining("sub-directory");
    }

    @Test
    void aBrokenYamlFileIsNamedWithLineAndColumn() throws IOException {
        Path entities = Files.createDirectories(dir.resolve("db_entities"));
        Files.writeString(entities.resolve("e.yml"), "entity:\n  id: e\n  name: [unclosed\n");
        assertThatThrownBy(() -> Dp3Config.read(dir)).hasMessageContaining("e.yml").hasMessageContaining("line ");
    }
}
