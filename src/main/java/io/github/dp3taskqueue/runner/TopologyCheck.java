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

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;

import io.github.dp3taskqueue.EndpointSettings;
import io.github.dp3taskqueue.TaskQueueEndpoint;
import io.github.dp3taskqueue.connection.BrokerConnection;
import io.github.dp3taskqueue.connection.RetrySchedule;
import io.github.dp3taskqueue.dp3.model.DataModel;
import io.github.dp3taskqueue.topology.TopologyReport;

/**
 * {@code check}: what each {@code dp3-taskqueue} endpoint of the route files (or, without route
 * files, the application {@code dp3.app}) read from its options and {@code configDir}, and the
 * state of its DP3 topology on the broker; no route is started. Exit code 0 when every topology is
 * fit, 1 otherwise.
 */
final class TopologyCheck {

    private TopologyCheck() {
    }

    static int run(CamelContext camel, String defaultApp, PrintStream out) {
        List<TaskQueueEndpoint> endpoints = new ArrayList<>();
        for (Endpoint endpoint : camel.getEndpoints()) {
            if (endpoint instanceof TaskQueueEndpoint e) {
                endpoints.add(e);
            }
        }
        if (endpoints.isEmpty()) {
            endpoints.add(camel.getEndpoint("dp3-taskqueue:" + defaultApp, TaskQueueEndpoint.class));
        }
        // one report per application and broker, however many endpoints use them
        Map<String, TaskQueueEndpoint> distinct = new LinkedHashMap<>();
        for (TaskQueueEndpoint endpoint : endpoints) {
            EndpointSettings s = endpoint.getSettings();
            distinct.putIfAbsent(endpoint.getApplication() + " " + s.describeBroker(null) + " " + s.workersOrDefault()
                    + " " + s.kind(), endpoint);
        }
        boolean fit = true;
        for (TaskQueueEndpoint endpoint : distinct.values()) {
            fit &= report(endpoint, out);
        }
        out.println(fit ? "check: OK" : "check: PROBLEMS (see above)");
        return fit ? 0 : 1;
    }

    private static boolean report(TaskQueueEndpoint endpoint, PrintStream out) {
        EndpointSettings s = endpoint.getSettings();
        DataModel model = s.codec().model();
        out.println("application '" + endpoint.getApplication() + "' (" + endpoint.getMaskedUri() + ")");
        out.println("  entity types: " + (model.isDeclared() ? model.entities().keySet() + " (configDir)"
                : model.entities().isEmpty() ? "none (no configDir, no entityIdTypes)" : model.idTypes()));
        out.println("  workers: " + s.workersOrDefault() + " (" + s.origins().workers() + ")");
        out.println("  broker: " + s.describeBroker(endpoint.getConfiguration().getAddresses()) + " ("
                + s.origins().broker() + "; " + s.origins().credentials() + ")");
        s.configWarnings().forEach(w -> out.println("  warning: " + w));
        try (BrokerConnection connection = endpoint.openBrokerConnection("check", false)) {
            connection.connect(new RetrySchedule(List.of()), reason -> {
            });
            TopologyReport report = TopologyReport.of(connection, s.topology());
            report.lines().forEach(out::println);
            report.problems().forEach(p -> out.println("  PROBLEM: " + p));
            return report.problems().isEmpty();
        } catch (RuntimeException e) {
            out.println("  PROBLEM: " + Dp3TaskQueueRunner.rootMessage(e));
            return false;
        }
    }
}
