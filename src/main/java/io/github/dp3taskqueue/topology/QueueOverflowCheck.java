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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.Channel;

import io.github.dp3taskqueue.connection.BrokerReplies;
import io.github.dp3taskqueue.connection.ChannelSource;

/**
 * Warns when an existing worker queue is bounded ({@code x-max-length} or
 * {@code x-max-length-bytes}) without {@code x-overflow: reject-publish}: RabbitMQ's default
 * {@code drop-head} then drops the oldest tasks without a word when the queue is full, and the
 * publisher's confirm says nothing about it.
 * <p>
 * AMQP has no way to read a queue's arguments and the management plugin may be absent, so the
 * arguments are learnt from RabbitMQ's equivalence check: a re-declaration with other arguments
 * is refused with {@code inequivalent arg 'x-...': received ... but current is the value V},
 * which names one current argument at a time. Each probe uses a throwaway channel (the refusal
 * closes it) and runs only after a passive declare found the queue (a queue that does not exist is
 * left so, not created). The first probe carries DP3's own
 * arguments: a DP3 queue answers at once, and should the queue vanish in between, the probe
 * re-creates it as DP3 would rather than as an unbounded queue.
 */
public final class QueueOverflowCheck {

    private static final Logger LOG = LoggerFactory.getLogger(QueueOverflowCheck.class);
    private static final Pattern INEQUIVALENT = Pattern.compile(
            "inequivalent arg '([^']+)' for queue '[^']*' in vhost '[^']*': received .* but current is "
                    + "(?:none|the value '([^']*)' of type '([^']*)'|'([^']*)')");
    private static final int MAX_PROBES = 12;

    private QueueOverflowCheck() {
    }

    /**
     * Logs a warning for each of the queues that can silently drop tasks; returns their names.
     *
     * @param dp3Arguments the arguments DP3 declares these queues with (the first guess)
     */
    public static List<String> warnAboutSilentDrops(ChannelSource channels, List<String> queues,
            Map<String, Object> dp3Arguments) {
        return queues.stream().filter(queue -> dropsSilently(channels, queue, dp3Arguments)).toList();
    }

    private static boolean dropsSilently(ChannelSource channels, String queue, Map<String, Object> dp3Arguments) {
        Map<String, Object> arguments;
        try {
            arguments = currentArguments(channels, queue, dp3Arguments);
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not learn the arguments of queue '{}': {}", queue, e.getMessage());
            return false;
        }
        if (arguments == null) {
            return false;
        }
        boolean bounded = arguments.containsKey("x-max-length") || arguments.containsKey("x-max-length-bytes");
        if (bounded && !"reject-publish".equals(String.valueOf(arguments.get("x-overflow")))) {
            LOG.warn(
                    "queue '{}' is bounded ({}) without x-overflow=reject-publish: when it is full RabbitMQ drops "
                            + "its oldest tasks silently (overflow {}). Redeclare it as DP3 does "
                            + "(x-overflow=reject-publish), unless a policy sets the overflow behaviour.",
                    queue, arguments, arguments.getOrDefault("x-overflow", "drop-head, the default"));
            return true;
        }
        return false;
    }

    /** The queue's arguments as far as RabbitMQ checks them, or {@code null} when they cannot be learnt. */
    public static Map<String, Object> currentArguments(ChannelSource channels, String queue,
            Map<String, Object> firstGuess)
            throws IOException {
        if (StartupCheck.firstMissing(channels, StartupCheck.Kind.QUEUE, List.of(queue)) != null) {
            return null; // a check never declares a queue that does not exist (a writer with more workers than DP3)
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        // as the broker's answers are read (integers as long), so that a first guess that matches looks the same
        firstGuess.forEach((key, value) -> arguments.put(key, value instanceof Integer i ? Long.valueOf(i) : value));
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            Channel channel = channels.openChannel();
            try {
                // durable, not exclusive, not auto-delete: the form of every DP3 worker queue
                channel.queueDeclare(queue, true, false, false, arguments);
                return arguments;
            } catch (IOException e) {
                if (BrokerReplies.signal(e) == null || BrokerReplies.replyCode(BrokerReplies.signal(e)) != 406) {
                    throw e;
                }
                Matcher m = INEQUIVALENT.matcher(BrokerReplies.replyText(BrokerReplies.signal(e)));
                if (!m.find()) {
                    return null; // refused for another reason (durability, exclusivity): nothing to learn
                }
                if (m.group(2) != null) {
                    arguments.put(m.group(1), typed(m.group(2), m.group(3)));
                } else if (m.group(4) != null) { // both sides of one type: the broker leaves the type out
                    arguments.put(m.group(1),
                            m.group(4).matches("-?\\d+") ? (Object) Long.valueOf(m.group(4)) : m.group(4));
                } else {
                    arguments.remove(m.group(1));
                }
            } finally {
                TopologyDeclarer.closeQuietly(channel);
            }
        }
        return null;
    }

    private static Object typed(String value, String type) {
        return switch (type) {
            case "long", "signedint", "short", "byte" -> Long.parseLong(value);
            case "bool" -> Boolean.parseBoolean(value);
            default -> value;
        };
    }
}
