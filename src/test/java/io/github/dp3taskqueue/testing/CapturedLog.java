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
package io.github.dp3taskqueue.testing;

import java.io.StringWriter;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** Everything logged (at DEBUG and above) while it is open, messages and stack traces. */
public final class CapturedLog implements AutoCloseable {

    private final StringWriter text = new StringWriter();
    private final WriterAppender appender;
    private final Level previous;
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);

    public CapturedLog() {
        Configuration config = context.getConfiguration();
        appender = WriterAppender.newBuilder().setName("captured-" + System.nanoTime()).setTarget(text)
                .setLayout(PatternLayout.newBuilder().withPattern("%level %logger %m%n%throwable").build()).build();
        appender.start();
        LoggerConfig root = config.getRootLogger();
        previous = root.getLevel();
        root.addAppender(appender, Level.DEBUG, null);
        root.setLevel(Level.DEBUG);
        context.updateLoggers();
    }

    public String text() {
        return text.toString();
    }

    @Override
    public void close() {
        LoggerConfig root = context.getConfiguration().getRootLogger();
        root.removeAppender(appender.getName());
        root.setLevel(previous);
        context.updateLoggers();
        appender.stop();
    }
}
