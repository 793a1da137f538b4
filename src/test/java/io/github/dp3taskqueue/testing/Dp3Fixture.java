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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a broker test needs, owned in one place: a fresh CamelContext per test, a unique DP3
 * application name, endpoint URIs carrying the test broker's options, and the clean-up after
 * the test, also when it fails (the context closed, the application's exchanges and queues
 * deleted). The broker is {@link TestBroker}'s (Testcontainers or the local one).
 *
 * <pre>
 * &#64;RegisterExtension
 * final Dp3Fixture dp3 = new Dp3Fixture("metrics", 2);
 * ... dp3.camel().addRoutes(...); from(dp3.uri("workerIndex=0")) ...
 * </pre>
 */
public final class Dp3Fixture implements BeforeEachCallback, AfterEachCallback {

    private final String prefix;
    private final int workers;
    private final List<Map.Entry<String, Integer>> others = new ArrayList<>();
    private CamelContext camel;
    private String app;

    /**
     * @param prefix  the start of the application name (which test made what is left on a broker)
     * @param workers how many workers' queues to delete afterwards (at least what the test declares)
     */
    public Dp3Fixture(String prefix, int workers) {
        this.prefix = prefix;
        this.workers = workers;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestBroker.ensureStarted();
        app = TestBroker.uniqueApp(prefix);
        camel = new DefaultCamelContext();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            camel.close();
        } finally {
            TestBroker.deleteApp(app, workers);
            for (Map.Entry<String, Integer> other : others) {
                TestBroker.deleteApp(other.getKey(), other.getValue());
            }
            others.clear();
        }
    }

    public CamelContext camel() {
        return camel;
    }

    /** The test's DP3 application name. */
    public String app() {
        return app;
    }

    /** A further application of this test (a bridge's source or target), deleted with the test's own. */
    public String otherApp(String prefix, int workers) {
        String other = TestBroker.uniqueApp(prefix);
        others.add(Map.entry(other, workers));
        return other;
    }

    /** {@code dp3-taskqueue:APP?OPTIONS&host=…&port=…}: an endpoint of the test's application on the test broker. */
    public String uri(String options) {
        return "dp3-taskqueue:" + app + "?" + (options.isEmpty() ? "" : options + "&") + TestBroker.brokerOptions();
    }
}
