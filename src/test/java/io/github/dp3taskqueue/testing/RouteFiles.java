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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * Runs route files of {@code routes/} (the files themselves, not copies) in Camel Main, as the
 * runner does, with the component pointed at the test broker through Camel Main properties.
 */
public final class RouteFiles implements AutoCloseable {

    private final Main main;

    private RouteFiles(Main main) {
        this.main = main;
    }

    public static RouteFiles start(Properties properties, String... routeFiles) throws Exception {
        Properties all = new Properties();
        all.setProperty("camel.component.dp3-taskqueue.host", TestBroker.host());
        all.setProperty("camel.component.dp3-taskqueue.port", Integer.toString(TestBroker.port()));
        all.setProperty("camel.main.name", "route-file-test");
        all.putAll(properties);
        StringBuilder include = new StringBuilder();
        for (String file : routeFiles) {
            Path path = Path.of("routes", file).toAbsolutePath();
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("route file missing: " + path);
            }
            include.append(include.length() == 0 ? "" : ",").append("file:").append(path);
        }
        Main main = new Main();
        main.setInitialProperties(all);
        main.configure().withRoutesIncludePattern(include.toString());
        main.start();
        return new RouteFiles(main);
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    @Override
    public void close() {
        main.stop();
    }
}
