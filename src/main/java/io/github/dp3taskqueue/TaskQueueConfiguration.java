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

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

import io.github.dp3taskqueue.dp3.task.TaskKind;

/**
 * Every option of a {@code dp3-taskqueue} endpoint. Broker settings and the worker count left
 * unset here come from {@code configDir} (DP3's {@code processing_core.yml}) and then from DP3's
 * defaults, so explicit options always win over the file.
 */
@UriParams
public class TaskQueueConfiguration implements Cloneable {

    // --- connection (common)
    @UriParam(label = "common", description = "RabbitMQ host (DP3 default localhost; or msg_broker.host of configDir)")
    private String host;
    @UriParam(label = "common", description = "RabbitMQ port (DP3 default 5672; or msg_broker.port of configDir)")
    private Integer port;
    @UriParam(label = "common",
            description = "RabbitMQ virtual host (DP3 default /; or msg_broker.virtual_host of configDir)")
    private String virtualHost;
    @UriParam(label = "security", secret = true,
            description = "RabbitMQ user name (DP3 default guest; or msg_broker.username of configDir)")
    private String username;
    @UriParam(label = "security", secret = true,
            description = "RabbitMQ password (DP3 default guest; or msg_broker.password of configDir)")
    private String password;
    @UriParam(label = "security",
            description = "TLS (amqps): Camel SSLContextParameters with the truststore that trusts the broker's "
                    + "certificate and, to log in with a client certificate, the keystore; the broker's TLS port is "
                    + "usually 5671. The broker's host name is verified against its certificate")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "common",
            description = "Comma-separated host:port list of the nodes of a RabbitMQ cluster; replaces host and port")
    private String addresses;
    @UriParam(label = "common",
            description = "A spring-rabbit ConnectionFactory to use instead of host, port, addresses and credentials; "
                    + "autowired when exactly one exists in the registry")
    @Metadata(autowired = true)
    private ConnectionFactory connectionFactory;
    @UriParam(label = "common", defaultValue = "60s", javaType = "java.time.Duration",
            description = "AMQP heartbeat, in whole seconds (60s, 1m; a bare number is seconds, as in DP3's and "
                    + "amqp-client's settings; 0 turns heartbeats off); a stalled connection is detected after "
                    + "about two heartbeats")
    private String requestedHeartbeat = "60s";
    @UriParam(label = "common", defaultValue = "10s", javaType = "java.time.Duration",
            description = "Timeout of the TCP connect and AMQP handshake")
    private long connectionTimeout = 10_000;
    @UriParam(label = "common", defaultValue = "1s,2s,5s,10s,30s",
            description = "Delays between the start-up attempts (connection and start-up check) and between reconnects "
                    + "after a lost connection (the last delay repeats); DP3 uses 1s,2s,5s,10s,30s")
    private String retryDelays = "1s,2s,5s,10s,30s";

    // --- DP3 deployment (common)
    @UriParam(label = "common",
            description = "Number of DP3 worker processes (worker_processes); every writer must use the same number as "
                    + "the workers. When not set: worker_processes of configDir, else 1")
    private Integer workers;
    @UriParam(label = "common",
            description = "A DP3 config directory: processing_core.yml supplies broker settings and workers; the files "
                    + "in db_entities give DP3's whole data model, against which data point tasks are checked (the "
                    + "producer publishes only what DP3's worker accepts, in DP3's bytes; the consumer hands "
                    + "refused bodies to error handling)")
    private String configDir;
    @UriParam(label = "common",
            description = "Entity id types as etype:idtype pairs, e.g. ip:ipv4,device:mac (string, int, ipv4, ipv6, "
                    + "mac); unlisted types are string. Adds to or overrides configDir")
    private String entityIdTypes;
    @UriParam(label = "common", defaultValue = "datapoint", enums = "datapoint,snapshot,control",
            description = "Which DP3 task kind this endpoint carries; selects the exchange and queues")
    private TaskKind taskType = TaskKind.DATAPOINT;
    @UriParam(label = "common", defaultValue = "false",
            description = "Declare the whole DP3 topology (exchanges, worker queues with DP3's arguments, bindings) at "
                    + "start instead of only checking that it exists")
    private boolean declareTopology;
    @UriParam(label = "common", defaultValue = "false",
            description = "Start although the broker has worker queues beyond workers (the deployment has more workers "
                    + "than this endpoint hashes over, so tasks would go to the wrong worker or queues stay unread); "
                    + "without it such a start fails. For a change of the worker count done on purpose")
    private boolean allowFewerWorkers;
    @UriParam(label = "common", defaultValue = "10s", javaType = "java.time.Duration",
            description = "How often the endpoint reads the state of the queues it uses (messages ready, consumers, "
                    + "the normal queue's x-max-length) with passive declares, for the gauges, the dev console and "
                    + "the runner's progress line; a queue is read once per interval in the JVM however many "
                    + "endpoints use it. 0 turns it off")
    private long statsInterval = 10_000;
    @UriParam(label = "common", defaultValue = "classic", enums = "classic,quorum",
            description = "The type of the worker queues declareTopology declares: classic (as DP3) or quorum "
                    + "(replicated over the nodes of a RabbitMQ cluster, so a worker's tasks survive the loss of a "
                    + "node; slower). DP3's own readers and writers work with either")
    private QueueType queueType = QueueType.CLASSIC;
    @UriParam(label = "common", defaultValue = "10000",
            description = "x-max-length of the normal worker queues when declareTopology is set (DP3: 10000; DP3 "
                    + "before 2023: 100)")
    private int normalQueueMaxLength = 10_000;
    @UriParam(label = "advanced", description = "Name of the main task exchange (default APP-main-task-exchange)")
    private String mainExchange;
    @UriParam(label = "advanced",
            description = "Name of the priority task exchange (default APP-priority-task-exchange)")
    private String priorityExchange;
    @UriParam(label = "advanced", description = "Name of the snapshot exchange (default APP-main-snapshot-exchange)")
    private String snapshotExchange;
    @UriParam(label = "advanced", description = "Name of the control exchange (default APP-control-exchange)")
    private String controlExchange;

    // --- producer
    @UriParam(label = "producer", defaultValue = "false",
            description = "Publish to the priority task exchange (as DP3's worker hooks do)")
    private boolean priority;
    @UriParam(label = "producer", defaultValue = "false", description = "Publish every task to every worker")
    private boolean broadcast;
    @UriParam(label = "producer", defaultValue = "true",
            description = "Publish persistent messages (delivery mode 2); DP3 itself publishes transient ones")
    private boolean persistent = true;
    @UriParam(label = "producer", defaultValue = "30s", javaType = "java.time.Duration",
            description = "How long a task refused because its worker queue is full is retried before the exchange "
                    + "fails with QueueFullException")
    private long queueFullTimeout = 30_000;
    @UriParam(label = "producer", defaultValue = "task", enums = "task,api",
            description = "What a body holds: task (DP3 tasks in the worker form, one or a collection or JSON lines) "
                    + "or api (the body of DP3's HTTP POST /datapoints: a JSON array of data points with type, id, "
                    + "attr, v, t1, t2, c, src, validated and grouped into tasks exactly as DP3's API does; "
                    + "needs configDir)")
    private InputForm input = InputForm.TASK;
    @UriParam(label = "producer", defaultValue = "false",
            description = "Publish the valid tasks of a collection body and list the invalid ones in the header "
                    + "CamelDp3InvalidTasks (JSON lines are checked line by line), instead of refusing the whole body")
    private boolean skipInvalidTasks;
    @UriParam(label = "producer", defaultValue = "1000",
            description = "Most messages published and not yet confirmed; a publisher blocks when the window is full "
                    + "(back-pressure)")
    private int confirmWindow = 1000;

    // --- consumer
    @UriParam(label = "consumer",
            description = "The index of the worker whose queues this consumer reads (0 .. workers-1)")
    private Integer workerIndex;
    @UriParam(label = "consumer", description = "Synonym of workerIndex")
    private Integer index;
    @UriParam(label = "consumer", defaultValue = "false",
            description = "Read the queues of every worker 0..workers-1 instead of one (for bridges and re-sharding); "
                    + "needs workers or configDir")
    private boolean allWorkers;
    @UriParam(label = "consumer", defaultValue = "50",
            description = "Unacknowledged messages the broker may push per queue (basic.qos; DP3 uses 50)")
    private int prefetch = 50;
    @UriParam(label = "consumer", defaultValue = "10",
            description = "Most acks of completed tasks sent together as one multiple ack while the consumer is "
                    + "busy; an ack is never held once no other task waits, nor longer than 20 ms. 1 acks each task "
                    + "at once. Held acks cost the broker less per task; after a crash, completed tasks whose ack "
                    + "was held come again")
    private int ackBatchSize = 10;
    @UriParam(label = "consumer", defaultValue = "1",
            description = "Tasks processed in parallel; tasks of one entity (etype:eid) are still processed one at a "
                    + "time, in arrival order")
    private int concurrentConsumers = 1;
    @UriParam(label = "consumer", defaultValue = "true",
            description = "Parse each body into a task (invalid bodies go to the error handler); false hands the "
                    + "route the raw JSON")
    private boolean parse = true;
    @UriParam(label = "consumer", defaultValue = "requeue", enums = "requeue,reject",
            description = "What happens to a message whose exchange failed and was not handled: requeue (nack with "
                    + "requeue) or reject (nack without requeue, so the queue's dead-letter exchange receives it)")
    private FailurePolicy onFailure = FailurePolicy.REQUEUE;
    @UriParam(label = "consumer", defaultValue = "1s", javaType = "java.time.Duration",
            description = "With onFailure=requeue, how long a failed task is held before it is handed back to the "
                    + "queue, so that a task that keeps failing does not come straight back in a busy loop while the "
                    + "other tasks wait; 0 requeues at once")
    private long requeueDelay = 1000;
    @UriParam(label = "consumer,advanced",
            description = "Name of the normal (or, for snapshot and control, the only) queue to read; default by DP3's "
                    + "pattern: APP-worker-i for data point tasks, APP-worker-i-snapshots for snapshot tasks, "
                    + "APP-worker-i-control for control tasks")
    private String queue;
    @UriParam(label = "consumer,advanced", description = "Name of the priority queue to read; default APP-worker-i-pri")
    private String priorityQueue;

    public TaskQueueConfiguration copy() {
        try {
            return (TaskQueueConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public Integer getWorkerIndex() {
        return workerIndex;
    }

    public void setWorkerIndex(Integer workerIndex) {
        this.workerIndex = workerIndex;
    }

    public Integer getIndex() {
        return index;
    }

    /** Synonym of {@link #setWorkerIndex(Integer)}: the endpoint's settings take either (both is an error). */
    public void setIndex(Integer index) {
        this.index = index;
    }

    public boolean isAllWorkers() {
        return allWorkers;
    }

    public void setAllWorkers(boolean allWorkers) {
        this.allWorkers = allWorkers;
    }

    public int getPrefetch() {
        return prefetch;
    }

    public void setPrefetch(int prefetch) {
        this.prefetch = prefetch;
    }

    public int getAckBatchSize() {
        return ackBatchSize;
    }

    public void setAckBatchSize(int ackBatchSize) {
        this.ackBatchSize = ackBatchSize;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public boolean isParse() {
        return parse;
    }

    public void setParse(boolean parse) {
        this.parse = parse;
    }

    public QueueType getQueueType() {
        return queueType;
    }

    public void setQueueType(QueueType queueType) {
        this.queueType = queueType;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public long getRequeueDelay() {
        return requeueDelay;
    }

    public void setRequeueDelay(long requeueDelay) {
        this.requeueDelay = requeueDelay;
    }

    public FailurePolicy getOnFailure() {
        return onFailure;
    }

    public void setOnFailure(FailurePolicy onFailure) {
        this.onFailure = onFailure;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public String getPriorityQueue() {
        return priorityQueue;
    }

    public void setPriorityQueue(String priorityQueue) {
        this.priorityQueue = priorityQueue;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getVirtualHost() {
        return virtualHost;
    }

    public void setVirtualHost(String virtualHost) {
        this.virtualHost = virtualHost;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getAddresses() {
        return addresses;
    }

    public void setAddresses(String addresses) {
        this.addresses = addresses;
    }

    public ConnectionFactory getConnectionFactory() {
        return connectionFactory;
    }

    public void setConnectionFactory(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    public String getRequestedHeartbeat() {
        return requestedHeartbeat;
    }

    public void setRequestedHeartbeat(String requestedHeartbeat) {
        this.requestedHeartbeat = requestedHeartbeat;
    }

    public long getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(long connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public String getRetryDelays() {
        return retryDelays;
    }

    public void setRetryDelays(String retryDelays) {
        this.retryDelays = retryDelays;
    }

    public Integer getWorkers() {
        return workers;
    }

    public void setWorkers(Integer workers) {
        this.workers = workers;
    }

    public String getConfigDir() {
        return configDir;
    }

    public void setConfigDir(String configDir) {
        this.configDir = configDir;
    }

    public String getEntityIdTypes() {
        return entityIdTypes;
    }

    public void setEntityIdTypes(String entityIdTypes) {
        this.entityIdTypes = entityIdTypes;
    }

    public InputForm getInput() {
        return input;
    }

    public void setInput(InputForm input) {
        this.input = input;
    }

    public TaskKind getTaskType() {
        return taskType;
    }

    public void setTaskType(TaskKind taskType) {
        this.taskType = taskType;
    }

    public long getStatsInterval() {
        return statsInterval;
    }

    public void setStatsInterval(long statsInterval) {
        this.statsInterval = statsInterval;
    }

    public boolean isAllowFewerWorkers() {
        return allowFewerWorkers;
    }

    public void setAllowFewerWorkers(boolean allowFewerWorkers) {
        this.allowFewerWorkers = allowFewerWorkers;
    }

    public boolean isDeclareTopology() {
        return declareTopology;
    }

    public void setDeclareTopology(boolean declareTopology) {
        this.declareTopology = declareTopology;
    }

    public int getNormalQueueMaxLength() {
        return normalQueueMaxLength;
    }

    public void setNormalQueueMaxLength(int normalQueueMaxLength) {
        this.normalQueueMaxLength = normalQueueMaxLength;
    }

    public String getMainExchange() {
        return mainExchange;
    }

    public void setMainExchange(String mainExchange) {
        this.mainExchange = mainExchange;
    }

    public String getPriorityExchange() {
        return priorityExchange;
    }

    public void setPriorityExchange(String priorityExchange) {
        this.priorityExchange = priorityExchange;
    }

    public String getSnapshotExchange() {
        return snapshotExchange;
    }

    public void setSnapshotExchange(String snapshotExchange) {
        this.snapshotExchange = snapshotExchange;
    }

    public String getControlExchange() {
        return controlExchange;
    }

    public void setControlExchange(String controlExchange) {
        this.controlExchange = controlExchange;
    }

    public boolean isPriority() {
        return priority;
    }

    public void setPriority(boolean priority) {
        this.priority = priority;
    }

    public boolean isBroadcast() {
        return broadcast;
    }

    public void setBroadcast(boolean broadcast) {
        this.broadcast = broadcast;
    }

    public boolean isPersistent() {
        return persistent;
    }

    public void setPersistent(boolean persistent) {
        this.persistent = persistent;
    }

    public long getQueueFullTimeout() {
        return queueFullTimeout;
    }

    public void setQueueFullTimeout(long queueFullTimeout) {
        this.queueFullTimeout = queueFullTimeout;
    }

    public boolean isSkipInvalidTasks() {
        return skipInvalidTasks;
    }

    public void setSkipInvalidTasks(boolean skipInvalidTasks) {
        this.skipInvalidTasks = skipInvalidTasks;
    }

    public int getConfirmWindow() {
        return confirmWindow;
    }

    public void setConfirmWindow(int confirmWindow) {
        this.confirmWindow = confirmWindow;
    }
}
