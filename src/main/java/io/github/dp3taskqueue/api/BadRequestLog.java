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
package io.github.dp3taskqueue.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The refused requests, one line per error with the client address, as DP3's API logs its bad
 * data points: a WARN each, and the same line in {@code dp3.api.bad-log} when it is set.
 */
final class BadRequestLog {

    private static final Logger LOG = LoggerFactory.getLogger(BadRequestLog.class);

    private final Path file;

    BadRequestLog(Path file) {
        this.file = file;
    }

    void write(String client, String error) {
        String line = "bad data point from " + client + ": " + error.replace('\n', ' ');
        LOG.warn(line);
        if (file == null) {
            return;
        }
        synchronized (this) {
            try {
                Files.writeString(file, OffsetDateTime.now(ZoneOffset.UTC) + " " + line + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                LOG.warn("cannot write the bad-request log {}: {}", file, e.getMessage());
            }
        }
    }
}
