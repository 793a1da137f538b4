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

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.dp3taskqueue.testing.RouteFiles;
import io.github.dp3taskqueue.testing.TestBroker;

/**
 * api-ingest: {@code routes/dp3-api.yaml} in Camel Main, {@link #CLIENTS} HTTP clients each posting
 * requests of {@link #POINTS} data points (two per entity, so {@code POINTS / 2} tasks) back to back
 * for a fixed time; every request is answered only after its tasks are confirmed.
 */
final class ApiIngestScenario {

    /**
     * Concurrent clients ({@code bench.apiClients}). Each request waits for its tasks' confirms, so
     * the clients decide how many messages the broker has in hand; with 8 (200 tasks at most) it
     * spent about 126 us of CPU per task against about 75 in produce-batch (3,000 in flight),
     * syncing to disk for few messages at a time, and the route reached 9,800 tasks/s; with 16,
     * 13,100 (32: 13,800; the HTTP server's 20 worker threads bound it there).
     */
    static final int CLIENTS = Integer.getInteger("bench.apiClients", 16);
    static final int POINTS = 50;
    /** Seconds of the same load before the timed window ({@code bench.apiWarmupSeconds}). */
    static final int WARMUP_SECONDS = Integer.getInteger("bench.apiWarmupSeconds", 30);

    private ApiIngestScenario() {
    }

    /** {requests/s, data points/s, tasks/s}. */
    static double[] run(int seconds) throws Exception {
        String app = BenchSupport.freshApp("api", 10_000_000);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Properties p = new Properties();
        p.setProperty("dp3.app", app);
        p.setProperty("camel.server.enabled", "true");
        p.setProperty("camel.server.port", Integer.toString(port));
        p.setProperty("camel.component.dp3-taskqueue.configDir", BenchSupport.CONFIG_DIR);
        p.setProperty("camel.component.dp3-taskqueue.workers", Integer.toString(BenchSupport.WORKERS));
        AtomicLong answered = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        try (RouteFiles ignored = RouteFiles.start(p, "dp3-api.yaml")) {
            try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", port)) {
                post(http, 0, 200, answered, refused);
            }
            // the same load before the timed window: the JIT compiles the HTTP server's, Camel's and
            // the route's paths for about 30 s of it, and its compiler threads took up to half a
            // core from the broker and the route while a 20 s window was timed (measured from
            // /proc: 5.2 s of compiler CPU in the first 10 s, 0.6 s in the fifth)
            load(port, WARMUP_SECONDS, 0, answered, refused);
            answered.set(0);
            purge(app); // the timed pass starts with empty queues, as the produce rounds do
            double elapsed = load(port, seconds, 1, answered, refused);
            if (refused.get() > 0) {
                throw new IllegalStateException(refused.get() + " api-ingest requests were not answered 200");
            }
            double requests = answered.get() / elapsed;
            return new double[]{requests, requests * POINTS, requests * POINTS / 2};
        } finally {
            TestBroker.deleteApp(app, BenchSupport.WORKERS);
        }
    }

    /** {@link #CLIENTS} clients posting back to back for {@code seconds}; the seconds it took. */
    private static double load(int port, int seconds, int pass, AtomicLong answered,
            AtomicLong refused) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                // each client and pass from its own starting point
                int first = (pass * CLIENTS + c) * 10_000_000;
                running.add(clients.submit(() -> {
                    try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", port)) {
                        for (int i = 0; System.nanoTime() < end; i++) {
                            post(http, first + i * POINTS, 1, answered, refused);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            clients.shutdown();
        }
    }

    private static void purge(String app) throws Exception {
        try (var broker = TestBroker.connect()) {
            var channel = broker.createChannel();
            for (int w = 0; w < BenchSupport.WORKERS; w++) {
                channel.queuePurge(app + "-worker-" + w);
            }
        }
    }

    private static void post(KeepAliveHttp http, int first, int times, AtomicLong answered, AtomicLong refused)
            throws Exception {
        for (int t = 0; t < times; t++) {
            int status = http.postJson("/datapoints", BenchSupport.utf8(body(first + t * POINTS)));
            (status == 200 ? answered : refused).incrementAndGet();
        }
    }

    /** {@link #POINTS} API data points: for each of {@code POINTS / 2} entities a plain string and an observation. */
    static String body(int first) {
        StringBuilder out = new StringBuilder("[");
        for (int k = 0; k < POINTS / 2; k++) {
            int i = first + k;
            String eid = "10." + ((i >> 16) & 0xFF) + "." + ((i >> 8) & 0xFF) + "." + (i & 0xFF);
            if (k > 0) {
                out.append(',');
            }
            out.append("{\"type\":\"ip\",\"id\":\"").append(eid).append("\",\"attr\":\"hostname\",\"v\":\"host-")
                    .append(i)
                    .append(".benchmark.example.org\",\"src\":\"benchmark\"},{\"type\":\"ip\",\"id\":\"").append(eid)
                    .append("\",\"attr\":\"open_ports\",\"v\":[22,80,443],\"t1\":\"2024-05-01T12:00:00Z\",\"c\":0.9}");
        }
        return out.append(']').toString();
    }
}
