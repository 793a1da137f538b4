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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Converter;

import io.github.dp3taskqueue.dp3.json.TaskJsonReader;
import io.github.dp3taskqueue.dp3.json.TaskJsonWriter;
import io.github.dp3taskqueue.dp3.task.ControlMessage;
import io.github.dp3taskqueue.dp3.task.DataPointTask;
import io.github.dp3taskqueue.dp3.task.ReceivedTask;
import io.github.dp3taskqueue.dp3.task.Snapshot;
import io.github.dp3taskqueue.dp3.task.Task;
import io.github.dp3taskqueue.dp3.task.TaskKind;

/**
 * Camel type converters between tasks and their DP3 JSON, so YAML routes can move tasks to and
 * from files and HTTP with {@code convertBodyTo} and no code. JSON is read without an entity
 * model (eids as they are); the producer canonicalises them with the endpoint's model.
 */
@Converter(generateLoader = true)
public final class TaskTypeConverters {

    private TaskTypeConverters() {
    }

    @Converter
    public static String toString(Task task) {
        return TaskJsonWriter.toJson(task);
    }

    @Converter
    public static byte[] toBytes(Task task) {
        return TaskJsonWriter.toBytes(task);
    }

    @Converter
    public static InputStream toInputStream(Task task) {
        return new ByteArrayInputStream(TaskJsonWriter.toBytes(task));
    }

    @Converter
    public static String toString(ReceivedTask received) {
        return received.json();
    }

    @Converter
    public static byte[] toBytes(ReceivedTask received) {
        return received.body();
    }

    @Converter
    public static InputStream toInputStream(ReceivedTask received) {
        return new ByteArrayInputStream(received.body());
    }

    @Converter
    public static Task toTask(ReceivedTask received) {
        return received.task();
    }

    @Converter
    public static DataPointTask toDataPointTask(ReceivedTask received) {
        return (DataPointTask) received.task();
    }

    @Converter
    public static Snapshot toSnapshot(ReceivedTask received) {
        return (Snapshot) received.task();
    }

    @Converter
    public static ControlMessage toControlMessage(ReceivedTask received) {
        return (ControlMessage) received.task();
    }

    @Converter
    public static DataPointTask toDataPointTask(byte[] json) {
        return (DataPointTask) TaskJsonReader.read(TaskKind.DATAPOINT, json);
    }

    @Converter
    public static DataPointTask toDataPointTask(String json) {
        return toDataPointTask(json.getBytes(StandardCharsets.UTF_8));
    }

    @Converter
    public static DataPointTask toDataPointTask(InputStream json) throws IOException {
        return toDataPointTask(json.readAllBytes());
    }

    @Converter
    public static Snapshot toSnapshot(byte[] json) {
        return (Snapshot) TaskJsonReader.read(TaskKind.SNAPSHOT, json);
    }

    @Converter
    public static Snapshot toSnapshot(String json) {
        return toSnapshot(json.getBytes(StandardCharsets.UTF_8));
    }

    @Converter
    public static ControlMessage toControlMessage(byte[] json) {
        return (ControlMessage) TaskJsonReader.read(TaskKind.CONTROL, json);
    }

    @Converter
    public static ControlMessage toControlMessage(String json) {
        return toControlMessage(json.getBytes(StandardCharsets.UTF_8));
    }
}
