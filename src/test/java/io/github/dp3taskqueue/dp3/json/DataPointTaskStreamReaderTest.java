package io.github.dp3taskqueue.dp3.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.dp3taskqueue.dp3.task.Task;
import io.github.dp3taskqueue.dp3.task.TaskKind;
import io.github.dp3taskqueue.testing.TestData;

/** The token-level reader must give exactly the tree reader's task, and defer on anything else. */
class DataPointTaskStreamReaderTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Task viaTree(byte[] json) {
        return TaskJsonReader.fromNode(TaskKind.DATAPOINT, TaskJsonReader.parse(json));
    }

    @Test
    void everyDp3DataPointTaskReadsAsTheTreeReaderReadsIt() {
        List<String[]> index = TestData.tsv("messages/INDEX.tsv");
        int read = 0;
        for (String[] row : index) {
            if (TestData.kindOf(row[0]) == TaskKind.DATAPOINT) {
                byte[] body = TestData.message(row[0]);
                assertThat((Task) TaskJsonReader.tryReadDataPointTask(body)).as(row[0]).isNotNull()
                        .isEqualTo(viaTree(body));
                read++;
            }
        }
        assertThat(read).isGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"eid\":\"x\",\"etype\":\"e\",\"tags\":[],\"delete\":false,\"unknown\":{\"a\":[1,null]},"
                    + "\"data_points\":[{\"attr\":\"a\",\"etype\":\"e\",\"eid\":\"x\",\"v\":null,\"x\":1}]}",
            "{ \"etype\" : \"e\", \"eid\": 5, \"data_points\": [ {\"etype\":\"e\",\"eid\":5,\"attr\":\"a\","
                    + "\"v\":{\"k\":[1, 2.50, 1E16, 1e-7, 0.00001, 123456789012345678901234567890, \"\\u00e9\\n\"]},"
                    + "\"c\":1,\"src\":null,\"t1\":\"2024-05-01T12:00:00+00:00\",\"t2\":null}]}",
            "{\"etype\":\"e\",\"eid\":1.5e3,\"ttl_tokens\":{\"a\":\"2024-05-01 "
                    + "12:00:00\"},\"tags\":[\"t\",null,{\"k\":2}]}",
            "{\"etype\":\"e\",\"eid\":\"x\",\"delete\":null,\"ttl_tokens\":null,\"data_points\":[{\"etype\":\"e\","
                    + "\"eid\":\"x\",\"attr\":\"a\",\"c\":null}]}",
            "{\"etype\":\"first\",\"etype\":\"e\",\"eid\":\"x\",\"delete\":true,\"delete\":false,\"data_points\":"
                    + "[{\"etype\":\"e\",\"eid\":\"x\",\"attr\":\"a\",\"v\":1,\"v\":2}]}",
    })
    void validTasksReadAsTheTreeReaderReadsThem(String json) {
        Task streamed = TaskJsonReader.tryReadDataPointTask(utf8(json));
        assertThat(streamed).isNotNull().isEqualTo(viaTree(utf8(json)));
        assertThat(TaskJsonWriter.toJson(streamed)).isEqualTo(TaskJsonWriter.toJson(viaTree(utf8(json))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"etype\":\"e\",\"eid\":\"x\"}",
            "{\"eid\":\"x\",\"delete\":true}",
            "{\"etype\":\"e\",\"delete\":true}",
            "{\"etype\":3,\"eid\":\"x\",\"delete\":true}",
            "{\"etype\":\"e\",\"eid\":[1],\"delete\":true}",
            "{\"etype\":\"e\",\"eid\":true,\"delete\":true}",
            "{\"etype\":\"e\",\"eid\":\"x\",\"delete\":\"yes\"}",
            "{\"etype\":\"e\",\"eid\":\"x\",\"data_points\":{}}",
            "{\"etype\":\"e\",\"eid\":\"x\",\"data_points\":null}",
            "{\"etype\":\"e\",\"eid\":\"x\",\"tags\":null,\"delete\":true}",
            "{\"etype\":\"e\",\"eid\":\"x\",\"data_points\":[1]}",
            "{\"etype\":\"e\",\"eid\":\"x\",\"data_points\":[{\"etype\":\"e\",\"eid\":\"x\"}]}",
            "{\"etype\":\"e\",\"eid\":\"x\",\"data_points\":[{\"etype\":\"e\",\"eid\":\"x\",\"attr\":\"a\","
                    + "\"t1\":\"yesterday\"}]}",
            "{\"etype\":\"e\",\"eid\":\"x\",\"data_points\":[{\"etype\":\"e\",\"eid\":\"x\",\"attr\":\"a\",\"t2\":5}]}",
            "{\"etype\":\"e\",\"eid\":\"x\",\"data_points\":[{\"etype\":\"e\",\"eid\":\"x\",\"attr\":\"a\","
                    + "\"c\":\"high\"}]}",
            "{\"etype\":\"e\",\"eid\":\"x\",\"data_points\":[{\"etype\":\"e\",\"eid\":\"x\",\"attr\":\"a\","
                    + "\"src\":1}]}",
            "{\"etype\":\"e\",\"eid\":\"x\",\"ttl_tokens\":{\"a\":1}}",
            "{\"etype\":\"e\",\"eid\":\"x\",\"ttl_tokens\":[]}",
            "[1,2]",
            "\"text\"",
            "{\"etype\":\"e\"",
            "{\"etype\":\"e\",\"eid\":\"x\",\"delete\":true} x",
            "{\"etype\":\"e\",\"eid\":\"x\",\"delete\":true}\n{\"etype\":\"e\",\"eid\":\"y\",\"delete\":true}",
            "",
    })
    void anythingTheTreeReaderWouldNotAcceptAsOneTaskIsLeftToIt(String json) {
        assertThat(TaskJsonReader.tryReadDataPointTask(utf8(json))).isNull();
    }

    @Test
    void invalidUtf8EvenInAnUnknownKeyIsLeftToTheTreeReader() {
        byte[] body = utf8("{\"etype\":\"e\",\"eid\":\"x\",\"delete\":true,\"other\":\"#\"}");
        body[body.length - 3] = (byte) 0xC3;
        assertThat(TaskJsonReader.tryReadDataPointTask(body)).isNull();
    }
}
