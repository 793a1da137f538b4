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
package io.github.dp3taskqueue.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The runner jar as a separate process, as an operator starts it. */
final class RunnerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "dp3-taskqueue-runner.jar");

    /** How a run that ended by itself ended. */
    record Run(int exitCode, String output) {
        String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private final Process process;
    private final Path output;

    private RunnerProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    private static List<String> command(List<String> jvmOptions, String... args) {
        assertThat(JAR).as("built by mvn package").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs the jar until it ends by itself (at most 2 minutes). */
    static Run run(String... args) throws Exception {
        return run(List.of(), args);
    }

    /** Runs the jar with options of the JVM's own ({@code -Dlog4j2.configurationFile=…}). */
    static Run run(List<String> jvmOptions, String... args) throws Exception {
        Process process = new ProcessBuilder(command(jvmOptions, args)).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the runner exits by itself").isTrue();
        return new Run(process.exitValue(), new String(output));
    }

    /** Starts the jar in the background, its output into {@code log}; {@link #close()} ends it. */
    static RunnerProcess start(Path log, String... args) throws IOException {
        Process process = new ProcessBuilder(command(List.of(), args)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new RunnerProcess(process, log);
    }

    String output() throws IOException {
        return Files.readString(output);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
