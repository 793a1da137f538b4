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

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private static final String USAGE = "usage: java -jar dp3-taskqueue-runner.jar [--embedded-broker] [--properties "
            + "FILE] ROUTE_FILE...";

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

    /** The innermost message, which names the problem (Camel wraps it in route and context failures). */
    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getName() : message;
    }

    static int run(String[] args) throws Exception {
        boolean embedded = false;
        Path propertiesFile = null;
        List<Path> routes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--embedded-broker" -> embedded = true;
                case "--properties" -> {
                    if (++i == args.length) {
                        return usage("--properties needs a file");
                    }
                    propertiesFile = Path.of(args[i]);
                }
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        return usage("unknown option " + args[i]);
                    }
                    routes.add(Path.of(args[i]));
                }
            }
        }
        if (routes.isEmpty()) {
            return usage("no route file given");
        }
        for (Path route : routes) {
            if (!Files.isRegularFile(route)) {
                return usage("route file not found: " + route);
            }
        }
        Properties properties = new Properties();
        if (propertiesFile != null) {
            if (!Files.isRegularFile(propertiesFile)) {
                return usage("properties file not found: " + propertiesFile);
            }
            try (InputStream in = Files.newInputStream(propertiesFile)) {
                properties.load(in);
            }
        }
        embedded |= Boolean.parseBoolean(properties.getProperty("dp3.runner.embedded-broker", "false"));
        int progressSeconds = Integer.parseInt(properties.getProperty("dp3.runner.progress-interval-seconds", "5"));

        EmbeddedBroker broker = null;
        if (embedded) {
            broker = EmbeddedBroker
                    .start(Integer.parseInt(properties.getProperty("dp3.runner.embedded-broker-port", "0")));
            LOG.info("embedded AMQP broker (Qpid Broker-J, in memory) listening on 127.0.0.1:{}", broker.port());
        }
        try {
            return runMain(properties, routes, broker, progressSeconds);
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    private static int runMain(Properties properties, List<Path> routes, EmbeddedBroker broker, int progressSeconds)
            throws Exception {
        Main main = new Main();
        main.setInitialProperties(properties);
        main.configure().withRoutesIncludePattern(String.join(",",
                routes.stream().map(r -> "file:" + r.toAbsolutePath()).toList()));
        RunStatistics statistics = new RunStatistics();
        ScheduledExecutorService[] progress = new ScheduledExecutorService[1];
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport support) {
                CamelContext camel = support.getCamelContext();
                if (broker != null) {
                    camel.getComponent("dp3-taskqueue", TaskQueueComponent.class).overrideBroker("127.0.0.1",
                            broker.port());
                }
                camel.getManagementStrategy().addEventNotifier(statistics);
            }

            @Override
            public void afterStart(BaseMainSupport support) {
                CamelContext camel = support.getCamelContext();
                if (progressSeconds > 0) {
                    progress[0] = camel.getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                            "Dp3Progress");
                    progress[0].scheduleAtFixedRate(() -> LOG.info(statistics.progressLine(camel)), progressSeconds,
                            progressSeconds, TimeUnit.SECONDS);
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
