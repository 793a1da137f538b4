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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The runner's command line: a command ({@code run}, {@code check}), options, route
 * files, and properties given as {@code key=value} or {@code -Dkey=value}. Properties given on the
 * command line win over the properties file ({@code --properties}), which wins over the routes'
 * placeholder defaults.
 *
 * @param command        what to do
 * @param embeddedBroker whether to start the embedded broker
 * @param propertiesFile the properties file, or {@code null}
 * @param overrides      the command line's properties, in order
 * @param routes         the route files
 */
record RunnerArguments(String command, boolean embeddedBroker, Path propertiesFile, Map<String, String> overrides,
        List<Path> routes) {

    /** A command line that cannot be run; the message says why. */
    static final class Wrong extends Exception {
        private static final long serialVersionUID = 1L;

        Wrong(String message) {
            super(message);
        }
    }

    static RunnerArguments parse(String[] args) throws Wrong {
        String command = "run";
        boolean embedded = false;
        Path properties = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        List<Path> routes = new ArrayList<>();
        int from = 0;
        if (args.length > 0 && args[0].equals("check")) {
            command = args[0];
            from = 1;
        }
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--embedded-broker")) {
                embedded = true;
            } else if (arg.equals("--check")) {
                command = "check";
            } else if (arg.equals("--properties")) {
                if (++i == args.length) {
                    throw new Wrong("--properties needs a file");
                }
                properties = Path.of(args[i]);
            } else if (arg.equals("-h") || arg.equals("--help")) {
                return new RunnerArguments("help", false, null, Map.of(), List.of());
            } else if (arg.startsWith("-D") && arg.indexOf('=') > 2) {
                overrides.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("-")) {
                throw new Wrong("unknown option " + arg);
            } else if (arg.indexOf('=') > 0 && !Files.exists(Path.of(arg))) {
                overrides.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                routes.add(Path.of(arg));
            }
        }
        if (command.equals("run") && routes.isEmpty()) {
            throw new Wrong("no route file given");
        }
        for (Path route : routes) {
            if (!Files.isRegularFile(route)) {
                throw new Wrong("route file not found: " + route);
            }
        }
        if (properties != null && !Files.isRegularFile(properties)) {
            throw new Wrong("properties file not found: " + properties);
        }
        return new RunnerArguments(command, embedded, properties, overrides, routes);
    }

    /**
     * The keys of Camel Main's management server (health, metrics, dev consoles) that earlier
     * Camel versions had under {@code camel.server.*}: Camel 4.17 refuses them there with a binding
     * error that does not say where they went.
     */
    private static final List<String> MANAGEMENT_KEYS = List.of("infoEnabled", "devConsoleEnabled",
            "healthCheckEnabled", "jolokiaEnabled", "metricsEnabled", "infoPath", "healthPath", "jolokiaPath",
            "uploadEnabled", "uploadSourceDir", "downloadEnabled", "sendEnabled");

    /** {@code then=true} when {@code given} is true and {@code then} is not set at all. */
    private static void imply(Properties properties, String given, String then) {
        if (Boolean.parseBoolean(properties.getProperty(given)) && properties.getProperty(then) == null) {
            properties.setProperty(then, "true");
        }
    }

    /**
     * The properties file's, with the command line's over them.
     *
     * @throws IllegalArgumentException for a management key under {@code camel.server.*}, naming where it is
     */
    Properties properties() throws IOException {
        Properties properties = new Properties();
        if (propertiesFile != null) {
            try (InputStream in = Files.newInputStream(propertiesFile)) {
                properties.load(in);
            }
        }
        properties.putAll(overrides);
        // what the management server serves needs the service behind it, which Camel Main leaves off
        imply(properties, "camel.management.metricsEnabled", "camel.metrics.enabled");
        imply(properties, "camel.management.devConsoleEnabled", "camel.main.devConsoleEnabled");
        for (String key : properties.stringPropertyNames()) {
            String relaxed = key.replace("-", "").toLowerCase(Locale.ROOT);
            for (String moved : MANAGEMENT_KEYS) {
                if (relaxed.equals("camel.server." + moved.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException(
                            key + " is camel.management." + moved + " in Camel 4.17: health, "
                                    + "metrics and the dev consoles are served by the management server "
                                    + "(camel.management.enabled=true, camel.management.port; see docs/operations.md)");
                }
            }
        }
        return properties;
    }
}
