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
package io.github.dp3taskqueue.health;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.github.dp3taskqueue.connection.BrokerReplies;
import io.github.dp3taskqueue.connection.ChannelSource;
import io.github.dp3taskqueue.topology.StartupCheck;

/**
 * The health of one dp3-taskqueue producer or consumer, for Camel's health API.
 * <ul>
 * <li>readiness: the broker answers and the exchanges the producer writes (or the queues the
 * consumer reads) exist, checked with passive declares on a short-lived channel, so a deleted
 * topology shows as DOWN before any task fails;</li>
 * <li>liveness: the producer or consumer is running (its threads have not been stopped).</li>
 * </ul>
 * A condition known without asking the broker (the broker blocks the producer's connection, a
 * queue's subscription was cancelled) makes readiness DOWN at once: a passive declare on a
 * blocked connection would wait for the alarm to clear. Liveness stays UP then, as a restart
 * would not help.
 */
public final class TaskQueueHealthCheck extends AbstractHealthCheck {

    private final ChannelSource channels;
    private final String broker;
    private final StartupCheck.Kind kind;
    private final List<String> names;
    private final BooleanSupplier running;
    private final HealthCheck.Kind answers;
    private volatile Supplier<String> downReason = () -> null;

    /**
     * @param id      the check's id, e.g. {@code dp3-taskqueue-consumer:route1}
     * @param broker  {@code host:port, virtual host 'v'} (never credentials)
     * @param kind    whether {@code names} are exchanges or queues
     * @param running whether the producer or consumer is running
     * @param answers what Camel asks this check for: {@code READINESS}, {@code LIVENESS} or {@code ALL}
     */
    public TaskQueueHealthCheck(String id, ChannelSource channels, String broker, StartupCheck.Kind kind,
            List<String> names,
            BooleanSupplier running, HealthCheck.Kind answers) {
        super("camel", id);
        this.answers = answers;
        this.channels = channels;
        this.broker = broker;
        this.kind = kind;
        this.names = List.copyOf(names);
        this.running = running;
    }

    /** Reports readiness DOWN, with this message, whenever {@code reason} gives one (it must not block). */
    public TaskQueueHealthCheck downWhen(Supplier<String> reason) {
        this.downReason = reason;
        return this;
    }

    @Override
    public boolean isReadiness() {
        return answers != HealthCheck.Kind.LIVENESS;
    }

    @Override
    public boolean isLiveness() {
        return answers != HealthCheck.Kind.READINESS;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("broker", broker);
        builder.detail(kind == StartupCheck.Kind.QUEUE ? "queues" : "exchanges", String.join(",", names));
        if (!running.getAsBoolean()) {
            builder.message("not running").down();
            return;
        }
        if (HealthCheck.Kind.LIVENESS.name().equals(String.valueOf(options.get(HealthCheck.CHECK_KIND)))) {
            builder.up();
            return;
        }
        String down = downReason.get();
        if (down != null) {
            builder.message(down).down();
            return;
        }
        try {
            String missing = StartupCheck.firstMissing(channels, kind, names);
            if (missing != null) {
                builder.message(kind.name().toLowerCase() + " '" + missing + "' does not exist on " + broker).down();
            } else {
                builder.up();
            }
        } catch (IOException | RuntimeException e) {
            builder.message("RabbitMQ at " + broker + " does not answer: " + BrokerReplies.describe(e)).error(e).down();
        }
    }
}
