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
package io.github.dp3taskqueue.observe;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import io.github.dp3taskqueue.connection.BrokerReplies;
import io.github.dp3taskqueue.connection.ChannelSource;
import io.github.dp3taskqueue.topology.QueueOverflowCheck;
import io.github.dp3taskqueue.topology.TopologyDeclarer;

/**
 * The state of the queues one endpoint uses, probed every {@code statsInterval} with passive
 * declares on one short-lived channel (through {@link QueueProbes}: once per interval per queue
 * in the JVM), for the gauges, the dev console and the runner's progress line. A normal queue's
 * length limit is learnt once it is seen (and again after it was missing), as the overflow check
 * learns it. When probing starts failing it is said once, and once when it works again.
 */
public final class QueueWatch {

    private static final Logger LOG = LoggerFactory.getLogger(QueueWatch.class);

    private final String owner;
    private final String broker;
    private final ChannelSource channels;
    private final List<WatchedQueue> queues;
    private final List<String> names;
    private final Map<String, Object> normalArguments;
    private final Duration interval;
    private final QueueProbes probes;
    private volatile List<QueueState> states = List.of();
    private String failing; // guarded by this
    private ScheduledFuture<?> task;

    /**
     * @param owner           who watches, for the log ({@code producer of 'APP'})
     * @param broker          the broker, as the endpoint names it (states are kept per broker)
     * @param normalArguments the arguments DP3 declares a normal queue with (the first guess of its limit)
     */
    public QueueWatch(String owner, String broker, ChannelSource channels, List<WatchedQueue> queues,
            Map<String, Object> normalArguments, Duration interval, QueueProbes probes) {
        this.owner = owner;
        this.broker = broker;
        this.channels = channels;
        this.queues = List.copyOf(queues);
        this.names = queues.stream().map(WatchedQueue::queue).toList();
        this.normalArguments = normalArguments;
        this.interval = interval;
        this.probes = probes;
    }

    /**
     * Probes every interval on {@code scheduler}, the first time one interval after the start (the
     * start itself has just checked the queues), until {@link #stop()}.
     */
    public synchronized void start(ScheduledExecutorService scheduler) {
        task = scheduler.scheduleWithFixedDelay(this::probe, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    public List<WatchedQueue> queues() {
        return queues;
    }

    /** The last states, in the order of {@link #queues()}; empty before the first probe. */
    public List<QueueState> states() {
        return states;
    }

    /** The last state of one of the queues, or {@code null}. */
    public QueueState state(String queue) {
        for (QueueState state : states) {
            if (state != null && state.queue().equals(queue)) {
                return state;
            }
        }
        return null;
    }

    /** Each queue with its last state, for the dev console. */
    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        List<QueueState> now = states;
        for (int i = 0; i < queues.size(); i++) {
            QueueState state = i < now.size() ? now.get(i) : null;
            if (state != null) {
                out.add(state.describe(queues.get(i)));
            } else {
                Map<String, Object> unknown = new LinkedHashMap<>();
                unknown.put("queue", queues.get(i).queue());
                unknown.put("problem", "not probed yet");
                out.add(unknown);
            }
        }
        return out;
    }

    /** Ready messages of each queue (the queues that could be asked), for the runner's progress line. */
    public Map<String, Long> depths() {
        Map<String, Long> depths = new LinkedHashMap<>();
        for (QueueState state : states) {
            if (state != null && state.problem() == null) {
                depths.put(state.queue(), state.ready());
            }
        }
        return depths;
    }

    void probe() {
        try {
            states = probes.states(broker, names, interval, this::probeNow);
        } catch (RuntimeException e) {
            // never let the scheduler drop the task: the next tick tries again
            LOG.debug("probing the queues of the {} failed", owner, e);
        }
        String problem = null;
        for (QueueState state : states) {
            if (state != null && state.problem() != null) {
                problem = "queue '" + state.queue() + "': " + state.problem();
                break;
            }
        }
        synchronized (this) {
            if (problem != null && failing == null) {
                LOG.warn("the {} cannot read the state of its queues ({}); the gauges and the console show them "
                        + "as unknown until it can, which is said", owner, problem);
            } else if (problem == null && failing != null) {
                LOG.info("the {} reads the state of its queues again", owner);
            }
            failing = problem;
        }
    }

    private Map<String, QueueState> probeNow(List<String> stale, Function<String, QueueState> previous) {
        Map<String, QueueState> fresh = new LinkedHashMap<>();
        Channel channel = null;
        try {
            for (String queue : stale) {
                Instant at = Instant.now();
                if (channel == null || !channel.isOpen()) {
                    channel = channels.openChannel();
                }
                try {
                    AMQP.Queue.DeclareOk ok = channel.queueDeclarePassive(queue);
                    fresh.put(queue, new QueueState(queue, ok.getMessageCount(), ok.getConsumerCount(),
                            limit(queue, previous.apply(queue)), at, null));
                } catch (IOException e) {
                    // a missing queue closes the channel: the next queue gets another
                    boolean missing = BrokerReplies.signal(e) != null
                            && BrokerReplies.replyCode(BrokerReplies.signal(e)) == 404;
                    fresh.put(queue, QueueState.failed(queue, missing ? "does not exist" : BrokerReplies.describe(e),
                            at));
                }
            }
        } catch (IOException | RuntimeException e) {
            Instant at = Instant.now();
            for (String queue : stale) {
                fresh.putIfAbsent(queue, QueueState.failed(queue, "the broker does not answer: "
                        + BrokerReplies.describe(e), at));
            }
        } finally {
            if (channel != null) {
                TopologyDeclarer.closeQuietly(channel);
            }
        }
        return fresh;
    }

    /** A normal queue's x-max-length: learnt once, kept while the queue is seen. */
    private Long limit(String queue, QueueState previous) {
        WatchedQueue watched = queues.get(names.indexOf(queue));
        if (watched.lane() != WatchedQueue.Lane.NORMAL) {
            return null;
        }
        if (previous != null && previous.problem() == null) {
            return previous.limit();
        }
        try {
            Map<String, Object> arguments = QueueOverflowCheck.currentArguments(channels, queue, normalArguments);
            Object limit = arguments == null ? null : arguments.get("x-max-length");
            return limit instanceof Number n ? n.longValue() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
