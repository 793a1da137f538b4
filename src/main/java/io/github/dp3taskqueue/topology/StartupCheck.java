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
package io.github.dp3taskqueue.topology;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.Channel;

import io.github.dp3taskqueue.connection.BrokerReplies;
import io.github.dp3taskqueue.connection.ChannelSource;
import io.github.dp3taskqueue.connection.RetrySchedule;

/**
 * DP3's start-up check (PROTOCOL.md §5): passive declares of the exchanges a writer needs or the
 * queues a reader needs, retried with bounded delays (DP3: 1, 2, 5, 10, 30 s), then a failure
 * that names what is missing. A passive declare does not compare arguments.
 */
public final class StartupCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StartupCheck.class);

    private StartupCheck() {
    }

    public enum Kind {
        EXCHANGE, QUEUE
    }

    private static final String HOW_TO_DECLARE = "Declare the DP3 topology (dp3/scripts/rmq_reconfigure.sh, or start "
            + "DP3) or set declareTopology=true.";

    /**
     * @param waiting told what the start waits for while it retries ({@code null} is never passed here)
     */
    public static void requirePresent(ChannelSource channels, Kind kind, List<String> names, RetrySchedule schedule,
            Consumer<String> waiting) {
        String missing = null;
        boolean said = false;
        Exception last = null;
        for (int attempt = 0;; attempt++) {
            try {
                missing = firstMissing(channels, kind, names);
                if (missing == null) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                last = e;
                missing = null;
            }
            Duration delay = schedule.afterFailedStartupAttempt(attempt + 1);
            if (delay == null) {
                break;
            }
            if (missing != null) {
                String what = kind.name().toLowerCase() + " '" + missing + "' is not declared";
                waiting.accept(what + ": the DP3 topology is missing on the broker");
                if (!said) {
                    // said at the first refusal: DP3 may still be starting, or it is never going to declare them
                    LOG.warn(
                            "{}: the DP3 topology is missing on the broker (or DP3 has not declared it yet). The start "
                                    + "retries {} times for up to {} (retryDelays {}) and then fails. {}",
                            what,
                            schedule.startupAttempts() - 1, inWords(schedule.startupDuration()), schedule,
                            HOW_TO_DECLARE);
                    said = true;
                } else {
                    LOG.info("{} yet; retrying in {} ms ({} of {})", what, delay.toMillis(), attempt + 1,
                            schedule.startupAttempts() - 1);
                }
            } else {
                waiting.accept("the broker does not answer: " + BrokerReplies.describe(last));
                LOG.warn("broker not reachable ({}); retrying in {} ms", BrokerReplies.describe(last),
                        delay.toMillis());
            }
            sleep(delay);
        }
        if (missing != null) {
            throw new TopologyException(kind.name().toLowerCase() + " not declared: '" + missing + "' (after "
                    + schedule.startupAttempts() + " attempts). " + HOW_TO_DECLARE, null);
        }
        throw new TopologyException("start-up check failed after " + schedule.startupAttempts() + " attempts: "
                + BrokerReplies.describe(last), last);
    }

    /** The first name whose passive declare fails with NOT_FOUND, or {@code null} when all exist. */
    public static String firstMissing(ChannelSource channels, Kind kind, List<String> names) throws IOException {
        Channel channel = channels.openChannel();
        try {
            for (String name : names) {
                try {
                    if (kind == Kind.EXCHANGE) {
                        channel.exchangeDeclarePassive(name);
                    } else {
                        channel.queueDeclarePassive(name);
                    }
                } catch (IOException e) {
                    if (BrokerReplies.signal(e) != null && BrokerReplies.replyCode(BrokerReplies.signal(e)) == 404) {
                        return name;
                    }
                    throw e;
                }
            }
            return null;
        } finally {
            TopologyDeclarer.closeQuietly(channel);
        }
    }

    private static void sleep(Duration delay) {
        if (!RetrySchedule.sleep(delay)) {
            throw new TopologyException("interrupted during the start-up check", null);
        }
    }

    private static String inWords(Duration duration) {
        return duration.compareTo(Duration.ofSeconds(10)) < 0 ? duration.toMillis() + " ms"
                : duration.toSeconds() + " s";
    }
}
