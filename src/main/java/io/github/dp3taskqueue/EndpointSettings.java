package io.github.dp3taskqueue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.dp3taskqueue.config.Dp3Config;
import io.github.dp3taskqueue.model.ApiDataPoints;
import io.github.dp3taskqueue.model.TaskValidator;
import io.github.dp3taskqueue.routing.EntityModel;
import io.github.dp3taskqueue.task.TaskKind;
import io.github.dp3taskqueue.topology.Topology;
import io.github.dp3taskqueue.topology.TopologyNames;

/**
 * An endpoint's options resolved and validated once, in {@code doInit}: explicit options first,
 * then the DP3 config directory, then DP3's defaults.
 *
 * @param host        broker host
 * @param port        broker port
 * @param virtualHost virtual host
 * @param username    user name
 * @param password    password
 * @param workers     the worker count, or {@code null} when neither the option nor the config gives it
 * @param model       the entity model for canonical eids
 * @param kind        the task kind
 * @param names       exchange and queue names
 * @param retryDelays delays between start-up attempts and reconnects
 * @param quorum      whether the worker queues are quorum queues
 * @param validator   DP3's data model of {@code configDir}, or {@code null} without one
 * @param api         with {@code input=api}, DP3's API form of the same model; else {@code null}
 */
public record EndpointSettings(String host, int port, String virtualHost, String username, String password,
        Integer workers, EntityModel model, TaskKind kind, TopologyNames names, List<Duration> retryDelays, boolean quorum,
        TaskValidator validator, ApiDataPoints api) {

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
        if (options.getNormalQueueMaxLength() < 1) {
            throw new IllegalArgumentException("normalQueueMaxLength must be >= 1; got " + options.getNormalQueueMaxLength());
        }
        if (options.getConfirmWindow() < 1) {
            throw new IllegalArgumentException("confirmWindow must be >= 1; got " + options.getConfirmWindow());
        }
        if (options.getQueueFullTimeout() < 0) {
            throw new IllegalArgumentException("queueFullTimeout must not be negative");
        }
        if (!"classic".equals(options.getQueueType()) && !"quorum".equals(options.getQueueType())) {
            throw new IllegalArgumentException("queueType must be classic or quorum; got '" + options.getQueueType() + "'");
        }
        TaskKind kind = TaskKind.fromOption(options.getTaskType());
        boolean apiInput = switch (options.getInput() == null ? "task" : options.getInput()) {
            case "task" -> false;
            case "api" -> true;
            default -> throw new IllegalArgumentException("input must be task or api; got '" + options.getInput() + "'");
        };
        if (apiInput && (file == null || kind != TaskKind.DATAPOINT)) {
            throw new IllegalArgumentException("input=api reads DP3's API data points, which are validated against DP3's data"
                    + " model: it needs configDir (the DP3 config directory) and taskType=datapoint");
        }
        EntityModel model = file == null ? EntityModel.NONE : file.entityModel();
        if (options.getEntityIdTypes() != null && !options.getEntityIdTypes().isBlank()) {
            model = model.with(EntityModel.parseIdTypes(options.getEntityIdTypes()));
        }
        TopologyNames names = TopologyNames.of(application, options.getMainExchange(), options.getPriorityExchange(),
                options.getSnapshotExchange(), options.getControlExchange());
        return new EndpointSettings(
                first(options.getHost(), file == null ? null : file.host(), "localhost"), port,
                first(options.getVirtualHost(), file == null ? null : file.virtualHost(), "/"),
                first(options.getUsername(), file == null ? null : file.username(), "guest"),
                first(options.getPassword(), file == null ? null : file.password(), "guest"),
                workers, model, kind, names, options.retryDelayList(), "quorum".equals(options.getQueueType()),
                file == null ? null : new TaskValidator(file.dataModel()), apiInput ? new ApiDataPoints(file.dataModel()) : null);
    }

    /** The worker count a producer hashes with: DP3's default is one worker. */
    public int workersOrDefault() {
        return workers == null ? 1 : workers;
    }

    public Topology topology(int normalQueueMaxLength) {
        return new Topology(names, workersOrDefault(), normalQueueMaxLength, quorum);
    }

    /** {@code host:port, virtual host 'v'}: what error messages name (never the credentials). */
    public String describeBroker(String addresses) {
        return (addresses != null && !addresses.isBlank() ? addresses : host + ":" + port) + ", virtual host '" + virtualHost + "'";
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
