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
package io.github.dp3taskqueue.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.github.dp3taskqueue.dp3.routing.Dp3Hash;
import io.github.dp3taskqueue.testing.CapturedLog;
import io.github.dp3taskqueue.testing.Publisher;
import io.github.dp3taskqueue.testing.RouteFiles;
import io.github.dp3taskqueue.testing.TestBroker;

/** routes/feed-jsonl.yaml against the real broker. */
@ExtendWith(TestBroker.class)
class FeedJsonlRouteIT {

    private static Properties properties(String app, Path dir) {
        Properties p = new Properties();
        p.setProperty("dp3.app", app);
        p.setProperty("dp3.workers", "2");
        p.setProperty("feed.dir", dir.toString());
        p.setProperty("feed.batch", "100");
        p.setProperty("camel.component.dp3-taskqueue.declareTopology", "true");
        return p;
    }

    @Test
    void publishesEveryValidLineAndListsMalformedOnesWithTheirReason(@TempDir Path dir) throws Exception {
        String app = TestBroker.uniqueApp("feedjsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add(Publisher.task("e", "t" + i, "x"));
            if (i == 10) {
                lines.add("{this is not json");
            }
            if (i == 500) {
                lines.add("{\"etype\":\"e\",\"eid\":\"no-data\"}");
            }
            if (i == 700) {
                lines.add(""); // blank lines count as the file's lines, and are no task
            }
            if (i == 900) {
                lines.add("{\"etype\":\"e\",\"eid\":\"late\"}"); // after the blank line 704: line 905
            }
        }
        try (CapturedLog log = new CapturedLog();
                RouteFiles ignored = RouteFiles.start(properties(app, dir), "feed-jsonl.yaml")) {
            Files.write(dir.resolve("tasks.tmp"), lines);
            Files.move(dir.resolve("tasks.tmp"), dir.resolve("tasks.jsonl"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve(".done/tasks.jsonl")));
            assertThat(TestBroker.depth(app + "-worker-0") + TestBroker.depth(app + "-worker-1")).isEqualTo(1000);
            String rejected = Files.readString(dir.resolve(".error/tasks.jsonl.rejected"));
            // one line per file that says what became of it, a WARN when lines were refused
            await().atMost(Duration.ofSeconds(10)).until(() -> log.text().contains("tasks.jsonl: 1000 published"));
            assertThat(log.text()).contains("WARN feed-jsonl feed-jsonl: tasks.jsonl: 1000 published, 3 refused, see "
                    + dir + "/.error/tasks.jsonl.rejected");
            // named by their line numbers in the file (batches of 100 lines), in plain words
            assertThat(rejected.lines()).containsExactly(
                    "line 12: the body is not JSON: at column 2: a key in double quotes was expected",
                    "line 503: DataPointTask for e:no-data has no data points, no TTL tokens and no delete: DP3 "
                            + "refuses such a task",
                    "line 905: DataPointTask for e:late has no data points, no TTL tokens and no delete: DP3 refuses "
                            + "such a task");
        } finally {
            TestBroker.deleteApp(app, 2);
        }
    }

    @Test
    void aFileWhosePublishingFailsMovesToErrorWithTheReason(@TempDir Path dir) throws Exception {
        String app = TestBroker.uniqueApp("feedfull");
        Properties p = properties(app, dir);
        p.setProperty("dp3.workers", "1");
        p.setProperty("camel.component.dp3-taskqueue.normalQueueMaxLength", "5");
        p.setProperty("camel.component.dp3-taskqueue.queueFullTimeout", "500ms");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add(Publisher.task("e", "t" + i, "x"));
        }
        try (RouteFiles ignored = RouteFiles.start(p, "feed-jsonl.yaml")) {
            Files.write(dir.resolve("full.tmp"), lines);
            Files.move(dir.resolve("full.tmp"), dir.resolve("full.jsonl"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve(".error/full.jsonl")));
            assertThat(Files.readString(dir.resolve(".error/full.jsonl.reason"))).contains("QueueFullException")
                    .contains(app + "-worker-0");
            assertThat(TestBroker.depth(app + "-worker-0")).isEqualTo(5);
        } finally {
            TestBroker.deleteApp(app, 1);
        }
    }

    @Test
    void withConfigDirAndNoWorkersPropertyTheDeploymentsWorkerCountRoutes(@TempDir Path dir) throws Exception {
        // dp3.workers unset: the route leaves workers to configDir's worker_processes (4), not 1
        String app = TestBroker.uniqueApp("feedcfg");
        Properties p = new Properties();
        p.setProperty("dp3.app", app);
        p.setProperty("feed.dir", dir.toString());
        p.setProperty("camel.component.dp3-taskqueue.declareTopology", "true");
        p.setProperty("camel.component.dp3-taskqueue.configDir",
                Path.of("docs/examples/dp3-config").toAbsolutePath().toString());
        List<String> lines = new ArrayList<>();
        int[] expected = new int[4];
        for (int i = 1; i <= 40; i++) {
            String eid = "192.0.2." + i;
            lines.add("{\"etype\":\"ip\",\"eid\":\"" + eid + "\",\"data_points\":[{\"etype\":\"ip\",\"eid\":\"" + eid
                    + "\",\"attr\":\"hostname\",\"src\":\"x\",\"v\":\"h\"}]}");
            expected[Dp3Hash.worker("ip:" + eid, 4)]++;
        }
        try (RouteFiles ignored = RouteFiles.start(p, "feed-jsonl.yaml")) {
            Files.write(dir.resolve("ips.tmp"), lines);
            Files.move(dir.resolve("ips.tmp"), dir.resolve("ips.jsonl"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve(".done/ips.jsonl")));
            for (int worker = 0; worker < 4; worker++) {
                assertThat(TestBroker.depth(app + "-worker-" + worker)).as("worker %d", worker)
                        .isEqualTo(expected[worker]);
            }
        } finally {
            TestBroker.deleteApp(app, 4);
        }
    }
}
