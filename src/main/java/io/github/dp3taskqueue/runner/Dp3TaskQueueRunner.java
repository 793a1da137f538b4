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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dp3taskqueue.TaskQueueComponent;
import io.github.dp3taskqueue.TaskQueueException;

/**
 * The main job: Camel Main with this component, the YAML DSL and the HTTP server, running YAML
 * route files.
 *
 * <pre>
 * java -jar target/dp3-taskqueue-runner.jar [--embedded-broker] [--properties FILE] ROUTE_FILE...
 * </pre>
 *
 * Properties use Camel Main's names ({@code camel.main.*}, {@code camel.component.dp3-taskqueue.*})
 * plus the routes' placeholders. {@code dp3.runner.embedded-broker=true} has the same effect as
 * {@code --embedded-broker}; {@code dp3.runner.embedded-broker-port} picks its port (default: a
 * free one); {@code dp3.runner.progress-interval-seconds} (default 5) paces the progress line.
 */
public final class Dp3TaskQueueRunner {

    static {
        // before the first logger exists: the runner's own logging configuration
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "dp3-taskqueue-runner-log4j2.properties");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Dp3TaskQueueRunner.class);

    private static final String USAGE = String.join("\n",
            "usage: java -jar dp3-taskqueue-runner.jar [--embedded-broker] [--properties FILE] [KEY=VALUE...] "
                    + "ROUTE_FILE...",
            "       java -jar dp3-taskqueue-runner.jar check [--properties FILE] [KEY=VALUE...] [ROUTE_FILE...]",
            "KEY=VALUE (or -DKEY=VALUE) sets a property; it wins over the properties file.");

    private Dp3TaskQueueRunner() {
    }

    /**
     * Always ends the JVM: Camel Main's idle thread ({@code camel.main.durationMaxIdleSeconds})
     * would keep it alive after a failed start. Camel has logged the failure with its stack
     * trace; this adds the one line that says why the runner stopped.
     */
    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = run(args);
        } catch (Throwable e) {
            System.err.println("dp3-taskqueue runner: start-up failed: " + rootMessage(e));
            System.err.flush();
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /**
     * The message that names the problem: the component's own (a {@link TaskQueueException}, which
     * says where and what to check), or a wrong option's; else the innermost, which Camel wraps in
     * route and context failures.
     */
    static String rootMessage(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof TaskQueueException || t instanceof IllegalArgumentException && t.getCause() == null) {
                return t.getMessage();
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getName() : message;
    }

    static int run(String[] args) throws Exception {
        RunnerArguments arguments;
        try {
            arguments = RunnerArguments.parse(args);
        } catch (RunnerArguments.Wrong e) {
            return usage(e.getMessage());
        }
        if (arguments.command().equals("help")) {
            System.out.println(USAGE);
            return 0;
        }
        Properties properties = arguments.properties();
        if (arguments.command().equals("check")) {
            return runMain(properties, arguments.routes(), null, 0, true);
        }
        boolean embedded = arguments.embeddedBroker()
                || Boolean.parseBoolean(properties.getProperty("dp3.runner.embedded-broker", "false"));
        int progressSeconds = Integer.parseInt(properties.getProperty("dp3.runner.progress-interval-seconds", "5"));
        EmbeddedBroker broker = null;
        if (embedded) {
            broker = EmbeddedBroker
                    .start(Integer.parseInt(properties.getProperty("dp3.runner.embedded-broker-port", "0")));
            LOG.info("embedded AMQP broker (Qpid Broker-J, in memory) listening on 127.0.0.1:{}", broker.port());
        }
        try {
            return runMain(properties, arguments.routes(), broker, progressSeconds, false);
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    /** Camel Main with the route files; with {@code check} no route starts, and the topology check runs instead. */
    private static int runMain(Properties properties, List<Path> routes, EmbeddedBroker broker, int progressSeconds,
            boolean check) throws Exception {
        Main main = new Main();
        if (check) {
            properties.setProperty("camel.main.autoStartup", "false");
        }
        main.setInitialProperties(properties);
        if (!routes.isEmpty()) {
            main.configure().withRoutesIncludePattern(String.join(",",
                    routes.stream().map(r -> "file:" + r.toAbsolutePath()).toList()));
        }
        RunStatistics statistics = new RunStatistics();
        ScheduledExecutorService[] progress = new ScheduledExecutorService[1];
        int[] checked = new int[1];
        // the report is printed after Camel's shutdown lines: its verdict is the last line
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport support) {
                CamelContext camel = support.getCamelContext();
                if (broker != null) {
                    camel.getComponent("dp3-taskqueue", TaskQueueComponent.class).overrideBroker("127.0.0.1",
                            broker.port());
                }
                camel.getManagementStrategy().addEventNotifier(statistics);
                camel.getManagementStrategy().addEventNotifier(new StartingGate(camel));
            }

            @Override
            public void afterStart(BaseMainSupport support) {
                CamelContext camel = support.getCamelContext();
                if (check) {
                    checked[0] = TopologyCheck.run(camel, properties.getProperty("dp3.app", "dp3"),
                            new PrintStream(report, true, StandardCharsets.UTF_8));
                    main.completed();
                    return;
                }
                if (progressSeconds > 0) {
                    progress[0] = camel.getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                            "Dp3Progress");
                    progress[0].scheduleAtFixedRate(() -> statistics.progressLine(camel).ifPresent(LOG::info),
                            progressSeconds, progressSeconds, TimeUnit.SECONDS);
                }
            }

            @Override
            public void beforeStop(BaseMainSupport support) {
                if (progress[0] != null) {
                    support.getCamelContext().getExecutorServiceManager().shutdownNow(progress[0]);
                }
            }
        });
        main.run();
        if (check) {
            System.out.print(report.toString(StandardCharsets.UTF_8));
            System.out.flush();
            return checked[0];
        }
        System.out.print(statistics.summary());
        System.out.flush();
        return main.getExitCode();
    }

    private static int usage(String problem) {
        System.err.println(problem);
        System.err.println(USAGE);
        return 2;
    }

}
