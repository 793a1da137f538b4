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
package io.github.dp3taskqueue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.util.TimeUtils;

import io.github.dp3taskqueue.api.ApiFormCodec;
import io.github.dp3taskqueue.connection.RetrySchedule;
import io.github.dp3taskqueue.dp3.codec.TaskCodec;
import io.github.dp3taskqueue.dp3.config.Dp3Config;
import io.github.dp3taskqueue.dp3.model.DataModel;
import io.github.dp3taskqueue.dp3.task.TaskKind;
import io.github.dp3taskqueue.topology.Topology;
import io.github.dp3taskqueue.topology.TopologyNames;

/**
 * An endpoint's options resolved and validated once, in {@code doInit}: explicit options first,
 * then the DP3 config directory, then DP3's defaults. It is the only thing the producer, the
 * consumers and the health checks read for what the options decide; a bad option fails here,
 * naming it.
 *
 * @param host             broker host
 * @param port             broker port
 * @param virtualHost      virtual host
 * @param username         user name
 * @param password         password
 * @param heartbeatSeconds the AMQP heartbeat in seconds (0: none)
 * @param workers          the worker count, or {@code null} when neither the option nor the config gives it
 * @param workerIndex      the worker a consumer reads ({@code workerIndex} or its synonym {@code index}), or {@code
 * null}
 * @param kind             the task kind
 * @param names            exchange and queue names
 * @param retry            the retry schedule of start-up and recovery
 * @param topology         DP3's topology for {@code workers} (or 1) workers, as {@code declareTopology} declares it
 * @param codec            how bodies become tasks and tasks DP3's bytes: by the entity model
 *                         ({@code configDir}, {@code entityIdTypes}) and the {@code input} form
 * @param declareTopology  whether to declare DP3's topology at start instead of checking it
 * @param allowFewerWorkers whether to start although the broker has queues of more workers
 * @param statsInterval    how often the state of the queues is read ({@link Duration#ZERO}: never)
 * @param producer         what only a producer reads
 * @param consumer         what only a consumer reads
 * @param origins          where the worker count, the broker and the credentials came from
 * @param configWarnings   what was defaulted because the config directory lacks a part of it
 */
public record EndpointSettings(String host, int port, String virtualHost, String username, String password,
        int heartbeatSeconds,
        Integer workers, Integer workerIndex, TaskKind kind, TopologyNames names, RetrySchedule retry,
        Topology topology, TaskCodec codec, boolean declareTopology, boolean allowFewerWorkers,
        Duration statsInterval, Producing producer, Consuming consumer, Origins origins, List<String> configWarnings) {

    /**
     * Where settings came from, for the start-up log and for errors an operator must act on.
     *
     * @param workers     e.g. {@code option workers}, {@code configDir /etc/dp3/processing_core.yml (worker_processes)}
     * @param broker      where host, port and virtual host came from
     * @param credentials where the user name and the password came from, with the user name (never the password)
     */
    public record Origins(String workers, String broker, String credentials) {
    }

    /** The producer's options. */
    public record Producing(boolean priority, boolean broadcast, boolean skipInvalidTasks, int confirmWindow,
            long queueFullTimeoutMillis, boolean persistent) {
    }

    /**
     * The consumer's options.
     *
     * @param queue         the normal (or only) queue's name given by the option, or {@code null} for DP3's
     * @param priorityQueue the priority queue's name given by the option, or {@code null} for DP3's
     */
    public record Consuming(boolean allWorkers, String queue, String priorityQueue, int prefetch, int ackBatchSize,
            int concurrentConsumers, boolean parse, FailurePolicy onFailure, long requeueDelayMillis) {
    }

    public static EndpointSettings resolve(String application, TaskQueueConfiguration options) {
        if (application == null || application.isBlank()) {
            throw new IllegalArgumentException("the DP3 application name is missing: use dp3-taskqueue:APP");
        }
        Dp3Config file = options.getConfigDir() == null ? null : Dp3Config.read(Path.of(options.getConfigDir()));
        Integer workers = first(options.getWorkers(), file == null ? null : file.workerProcesses(), null);
        if (workers != null && workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1; got " + workers);
        }
        int port = first(options.getPort(), file == null ? null : file.port(), 5672);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535; got " + port);
        }
        atLeast("normalQueueMaxLength", options.getNormalQueueMaxLength(), 1);
        atLeast("confirmWindow", options.getConfirmWindow(), 1);
        atLeast("prefetch", options.getPrefetch(), 1);
        atLeast("ackBatchSize", options.getAckBatchSize(), 1);
        atLeast("concurrentConsumers", options.getConcurrentConsumers(), 1);
        if (options.getQueueFullTimeout() < 0) {
            throw new IllegalArgumentException("queueFullTimeout must not be negative");
        }
        if (options.getStatsInterval() < 0) {
            throw new IllegalArgumentException("statsInterval must be >= 0 (0: off); got " + options.getStatsInterval()
                    + " ms");
        }
        if (options.getRequeueDelay() < 0) {
            throw new IllegalArgumentException("requeueDelay must be >= 0; got " + options.getRequeueDelay() + " ms");
        }
        TaskKind kind = required("taskType", options.getTaskType());
        required("queueType", options.getQueueType());
        required("onFailure", options.getOnFailure());
        Integer workerIndex = workerIndex(options, workers);
        boolean apiInput = required("input", options.getInput()) == InputForm.API;
        if (apiInput && (file == null || kind != TaskKind.DATAPOINT)) {
            throw new IllegalArgumentException(
                    "input=api reads DP3's API data points, which are validated against DP3's data"
                            + " model: it needs configDir (the DP3 config directory) and taskType=datapoint");
        }
        DataModel model = file == null ? DataModel.NONE : file.dataModel();
        if (options.getEntityIdTypes() != null && !options.getEntityIdTypes().isBlank()) {
            model = model.withIdTypes(DataModel.parseIdTypes(options.getEntityIdTypes()));
        }
        TopologyNames names = TopologyNames.of(application, options.getMainExchange(), options.getPriorityExchange(),
                options.getSnapshotExchange(), options.getControlExchange());
        // DP3's default is one worker: what a producer hashes with and declareTopology declares
        Topology topology = new Topology(names, workers == null ? 1 : workers, options.getNormalQueueMaxLength(),
                options.getQueueType() == QueueType.QUORUM);
        return new EndpointSettings(
                first(options.getHost(), file == null ? null : file.host(), "localhost"), port,
                first(options.getVirtualHost(), file == null ? null : file.virtualHost(), "/"),
                first(options.getUsername(), file == null ? null : file.username(), "guest"),
                first(options.getPassword(), file == null ? null : file.password(), "guest"),
                heartbeatSeconds(options.getRequestedHeartbeat()), workers, workerIndex, kind, names,
                RetrySchedule.parse(options.getRetryDelays()), topology,
                apiInput ? new ApiFormCodec(model) : TaskCodec.forTasks(kind, model), options.isDeclareTopology(),
                options.isAllowFewerWorkers(), Duration.ofMillis(options.getStatsInterval()),
                new Producing(options.isPriority(), options.isBroadcast(), options.isSkipInvalidTasks(),
                        options.getConfirmWindow(), options.getQueueFullTimeout(), options.isPersistent()),
                new Consuming(options.isAllWorkers(), blankToNull(options.getQueue()),
                        blankToNull(options.getPriorityQueue()), options.getPrefetch(), options.getAckBatchSize(),
                        options.getConcurrentConsumers(), options.isParse(), options.getOnFailure(),
                        options.getRequeueDelay()),
                origins(options, file), file == null ? List.of() : file.warnings());
    }

    private static Origins origins(TaskQueueConfiguration options, Dp3Config file) {
        String workers = options.getWorkers() != null ? "option workers"
                : file != null && file.workerProcesses() != null ? file.source("worker_processes")
                        : "DP3's default (no workers option, no worker_processes)";
        // host, port and virtual host, grouped by where they came from
        Map<String, List<String>> broker = new LinkedHashMap<>();
        broker.computeIfAbsent(origin(options.getHost(), file, file == null ? null : file.host()),
                k -> new ArrayList<>()).add("host");
        broker.computeIfAbsent(origin(options.getPort(), file, file == null ? null : file.port()),
                k -> new ArrayList<>()).add("port");
        broker.computeIfAbsent(origin(options.getVirtualHost(), file, file == null ? null : file.virtualHost()),
                k -> new ArrayList<>()).add("virtual host");
        List<String> parts = new ArrayList<>();
        broker.forEach((from, what) -> parts.add(String.join(", ", what) + " from " + from));
        String user = first(options.getUsername(), file == null ? null : file.username(), "guest");
        String credentials = "user '" + user + "' from " + (options.getUsername() != null ? "option username"
                : file != null && file.username() != null ? file.source("msg_broker.username")
                        : "DP3's default")
                + ", password from " + (options.getPassword() != null ? "option password"
                        : file != null && file.password() != null ? file.source("msg_broker.password")
                                : "DP3's default");
        return new Origins(workers, String.join("; ", parts), credentials);
    }

    private static String origin(Object option, Dp3Config file, Object fromFile) {
        return option != null ? "the options" : fromFile != null ? file.source("msg_broker.*") : "DP3's defaults";
    }

    /**
     * What a consumer needs beyond what any endpoint does: which worker's queues to read (or all
     * of them, knowing how many), and the worker count when it declares the topology.
     *
     * @throws IllegalArgumentException naming the missing option
     */
    public void requireConsumer() {
        if (consumer.allWorkers()) {
            if (workers == null) {
                throw new IllegalArgumentException(
                        "allWorkers needs workers (or configDir): how many workers' queues to read");
            }
            if (consumer.queue() != null || consumer.priorityQueue() != null) {
                throw new IllegalArgumentException(
                        "allWorkers reads DP3's queue names; it cannot be combined with queue or priorityQueue");
            }
        } else if (workerIndex == null) {
            throw new IllegalArgumentException(
                    "a dp3-taskqueue consumer needs workerIndex (or index): which worker's queues to read");
        }
        if (declareTopology && workers == null) {
            throw new IllegalArgumentException("declareTopology on a consumer needs workers (or configDir): the "
                    + "topology is declared for all workers");
        }
    }

    /** {@code workerIndex}, or its synonym {@code index}; both given is an error naming both. */
    private static Integer workerIndex(TaskQueueConfiguration options, Integer workers) {
        if (options.getWorkerIndex() != null && options.getIndex() != null) {
            throw new IllegalArgumentException(
                    "workerIndex (" + options.getWorkerIndex() + ") and index (" + options.getIndex()
                            + ") are synonyms: give one of them");
        }
        Integer index = options.getWorkerIndex() != null ? options.getWorkerIndex() : options.getIndex();
        if (index != null && index < 0) {
            throw new IllegalArgumentException("workerIndex must be >= 0; got " + index);
        }
        if (index != null && workers != null && index >= workers) {
            throw new IllegalArgumentException("workerIndex must be below workers (" + workers + "); got " + index);
        }
        return index;
    }

    /** {@code 60s}, {@code 1m} or a bare number of seconds (amqp-client's and DP3's unit); whole seconds. */
    static int heartbeatSeconds(String value) {
        String text = value == null ? "" : value.trim();
        long millis;
        try {
            millis = text.matches("\\d{1,9}") ? Long.parseLong(text) * 1000 : TimeUtils.toMilliSeconds(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "requestedHeartbeat: '" + value + "' is not a duration (e.g. 60s, 1m, or 60)", e);
        }
        if (millis % 1000 != 0 || millis < 0 || millis > 65_535_000L) {
            throw new IllegalArgumentException(
                    "requestedHeartbeat must be whole seconds from 0 to 65535 (AMQP's unit); got '"
                            + value + "'");
        }
        return (int) (millis / 1000);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void atLeast(String option, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException(option + " must be >= " + least + "; got " + value);
        }
    }

    private static <T> T required(String option, T value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " must be set");
        }
        return value;
    }

    /** The worker count a producer hashes with (the topology's): DP3's default is one worker. */
    public int workersOrDefault() {
        return topology.workers();
    }

    /** {@code host:port, virtual host 'v'}: what error messages name (never the credentials). */
    public String describeBroker(String addresses) {
        return (addresses != null && !addresses.isBlank() ? addresses : host + ":" + port) + ", virtual host '"
                + virtualHost + "'";
    }

    @SafeVarargs
    private static <T> T first(T... candidates) {
        for (T candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        // a record's default toString would print the password
        return "EndpointSettings[" + describeBroker(null) + ", workers=" + workers + ", kind=" + kind + "]";
    }
}
