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
package io.github.dp3taskqueue.bench;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.camel.impl.DefaultCamelContext;

import io.github.dp3taskqueue.testing.TestBroker;

/** Bodies, topology and statistics shared by the benchmark scenarios. */
final class BenchSupport {

    static final int WORKERS = 4;

    private BenchSupport() {
    }

    /** The benchmark's DP3 config directory: four workers and a model the tasks' attributes are checked against. */
    static final String CONFIG_DIR = configDir();

    /**
     * The endpoint option that makes the component check every task against the model;
     * {@code -Dbench.noModel=true} gives the id types alone, for measuring what the model costs.
     */
    static final String MODEL = Boolean.getBoolean("bench.noModel") ? "entityIdTypes=ip:ipv4"
            : "configDir=" + CONFIG_DIR;

    /**
     * {@code count} DataPointTasks of about 600 bytes in DP3's canonical JSON form, each for its own
     * IPv4 entity: a plain string, an observation with {@code t1}, {@code t2} and {@code c}, and a
     * regular timeseries of three 5-minute values.
     */
    static List<String> bodies(int count) {
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(body(i));
        }
        return bodies;
    }

    static String body(int i) {
        String eid = "10." + ((i >> 16) & 0xFF) + "." + ((i >> 8) & 0xFF) + "." + (i & 0xFF);
        String point = "{\"etype\":\"ip\",\"eid\":\"" + eid + "\",\"attr\":";
        return "{\"etype\":\"ip\",\"eid\":\"" + eid + "\",\"data_points\":["
                + point + "\"hostname\",\"src\":\"benchmark-resolver\",\"v\":\"host-" + i + ".benchmark.example.org\"},"
                + point + "\"open_ports\",\"src\":\"benchmark-scanner-01.monitoring.example.org/nmap\","
                + "\"v\":[22,25,53,80,110,143,443,465,587,993,995,3306,5432,5672,6379,8080,8443,9090,9200],\"c\":0.95,"
                + "\"t1\":\"2024-05-01T12:00:00Z\",\"t2\":\"2024-05-01T12:05:00.123456Z\"},"
                + point + "\"traffic\",\"v\":{\"packets\":[" + (i % 1000) + ",2048,4096],\"bytes\":[65536," + (i * 7L)
                + ",262144]},\"t1\":\"2024-05-01T12:00:00Z\",\"t2\":\"2024-05-01T12:15:00Z\"}],"
                + "\"tags\":[\"benchmark\"]}";
    }

    private static String configDir() {
        try {
            return Path.of(BenchSupport.class.getResource("/dp3/bench").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Declares the DP3 topology of a fresh application name, with room for {@code capacity} tasks per normal queue. */
    static String freshApp(String prefix, int capacity) throws Exception {
        String app = TestBroker.uniqueApp("bench-" + prefix);
        try (var camel = new DefaultCamelContext()) {
            camel.start();
            var endpoint = camel.getEndpoint("dp3-taskqueue:" + app + "?declareTopology=true&workers=" + WORKERS
                    + "&normalQueueMaxLength=" + capacity + "&" + TestBroker.brokerOptions());
            var producer = endpoint.createProducer();
            producer.start(); // declares
            producer.stop();
        }
        return app;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String plain(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
