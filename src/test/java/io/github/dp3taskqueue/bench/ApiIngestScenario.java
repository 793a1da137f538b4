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
 * for a fixed time; every request is answered only after its tasks are confirmed. The clients
 * speak plain HTTP/1.1 with keep-alive over a socket each, with request bytes built before the
 * run: they share the two cores with the route and the broker, and the JDK's HttpClient cost more
 * CPU per request than the route's own work.
 */
final class ApiIngestScenario {

    static final int CLIENTS = Integer.getInteger("bench.apiClients", 8);
    static final int POINTS = 50;

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
            try (Client warm = new Client(port)) {
                for (int i = 0; i < 200; i++) {
                    warm.post(request(i * POINTS), answered, refused);
                }
            }
            answered.set(0);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                List<byte[]> requests = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    requests.add(request((client * 200 + i) * POINTS));
                }
                running.add(clients.submit(() -> {
                    try (Client http = new Client(port)) {
                        for (int i = 0; System.nanoTime() < end; i++) {
                            http.post(requests.get(i % requests.size()), answered, refused);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            clients.shutdown();
            if (refused.get() > 0) {
                throw new IllegalStateException(refused.get() + " api-ingest requests were not answered 200");
            }
            double requests = answered.get() / elapsed;
            return new double[] {requests, requests * POINTS, requests * POINTS / 2};
        } finally {
            TestBroker.deleteApp(app, BenchSupport.WORKERS);
        }
    }

    /** The bytes of one keep-alive HTTP/1.1 POST of {@link #body(int)}. */
    private static byte[] request(int first) {
        byte[] body = body(first).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] head = ("POST /datapoints HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** One keep-alive HTTP/1.1 connection: writes a request, reads the status line, the headers and the body. */
    private static final class Client implements AutoCloseable {
        private final java.net.Socket socket;
        private final java.io.BufferedInputStream in;
        private final java.io.OutputStream out;

        Client(int port) throws java.io.IOException {
            socket = new java.net.Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        void post(byte[] request, AtomicLong answered, AtomicLong refused) throws java.io.IOException {
            out.write(request);
            out.flush();
            String status = line();
            int length = 0;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            }
            in.readNBytes(length);
            (status.startsWith("HTTP/1.1 200") ? answered : refused).incrementAndGet();
        }

        private String line() throws java.io.IOException {
            StringBuilder text = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("the route closed the connection");
                }
                if (c != '\r') {
                    text.append((char) c);
                }
            }
            return text.toString();
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
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
            out.append("{\"type\":\"ip\",\"id\":\"").append(eid).append("\",\"attr\":\"hostname\",\"v\":\"host-").append(i)
                    .append(".benchmark.example.org\",\"src\":\"benchmark\"},{\"type\":\"ip\",\"id\":\"").append(eid)
                    .append("\",\"attr\":\"open_ports\",\"v\":[22,80,443],\"t1\":\"2024-05-01T12:00:00Z\",\"c\":0.9}");
        }
        return out.append(']').toString();
    }
}
