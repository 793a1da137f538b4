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
package io.github.dp3taskqueue.connection;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpAuthenticationException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.BlockedListener;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;

/**
 * The endpoint's link to the broker. Connections come from spring-rabbit's
 * {@link ConnectionFactory} (a user's bean, or a {@link CachingConnectionFactory} this endpoint
 * builds from its options); it reconnects on demand after a loss. The hot paths use raw
 * amqp-client channels of that connection because they manage confirms, returns and acks
 * themselves, which spring-rabbit's channel proxies would hide or slow down.
 */
public final class BrokerConnection implements ChannelSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnection.class);

    private final ConnectionFactory factory;
    private final boolean owned;
    private final String description;
    private final String credentials;
    private final List<Consumer<String>> onBlocked = new CopyOnWriteArrayList<>();
    private final List<Runnable> onUnblocked = new CopyOnWriteArrayList<>();
    private final BlockedListener relay = new BlockedListener() {
        @Override
        public void handleBlocked(String reason) {
            String why = reason == null || reason.isBlank() ? "no reason given" : reason;
            remember(why);
            blocked(why);
        }

        @Override
        public void handleUnblocked() {
            remember(null);
            unblocked("the broker unblocked it");
        }
    };
    private Connection watched; // guarded by this
    private volatile String blockedReason;

    /**
     * The connections the broker blocks now, with its reason. amqp-client tells only the listeners
     * present when the block begins, so a producer that starts on a connection already blocked
     * (one factory's publisher connection shared by several producers, as Spring Boot has it)
     * learns it here.
     */
    private static final Map<Connection, String> BLOCKED = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param factory     the connection factory
     * @param owned       whether this endpoint built it (and so destroys it on close)
     * @param description {@code host:port, virtual host 'v'} for error messages
     */
    public BrokerConnection(ConnectionFactory factory, boolean owned, String description) {
        this(factory, owned, description, "the connection factory's");
    }

    /** @param credentials where the user name came from, for a refused login ({@code user 'guest' from ...}) */
    public BrokerConnection(ConnectionFactory factory, boolean owned, String description, String credentials) {
        this.factory = factory;
        this.owned = owned;
        this.description = description;
        this.credentials = credentials;
    }

    public String description() {
        return description;
    }

    @Override
    public Channel openChannel() throws IOException {
        try {
            Channel channel = liveConnection().getDelegate().createChannel();
            if (channel == null) {
                throw new ConnectFailedException("RabbitMQ at " + description + " has no free channel", false,
                        null);
            }
            return channel;
        } catch (AmqpException e) {
            throw classify(e);
        }
    }

    /**
     * Tells {@code listener} when the broker blocks and unblocks this link's connection (RabbitMQ's
     * memory and disk alarms block connections that publish); on amqp-client's connection thread,
     * so the listener must not block.
     */
    public void onBlocked(Consumer<String> blocked, Runnable unblocked) {
        onBlocked.add(blocked);
        onUnblocked.add(unblocked);
    }

    /** The reason the broker gave for blocking the connection while it does, else {@code null}. */
    public String blockedReason() {
        return blockedReason;
    }

    /** Records the watched connection's block ({@code null}: unblocked) for links that join it later. */
    private synchronized void remember(String reason) {
        if (watched == null) {
            return;
        }
        if (reason == null) {
            BLOCKED.remove(watched);
        } else {
            BLOCKED.put(watched, reason);
        }
    }

    private void blocked(String reason) {
        blockedReason = reason;
        LOG.warn("RabbitMQ at {} blocks publishing on this connection ({}): tasks are held until it unblocks",
                description,
                blockedReason);
        for (Consumer<String> listener : onBlocked) {
            try {
                listener.accept(blockedReason);
            } catch (RuntimeException e) {
                LOG.warn("a blocked-connection listener failed: {}", e.getMessage(), e);
            }
        }
    }

    private void unblocked(String why) {
        if (blockedReason == null) {
            return;
        }
        blockedReason = null;
        LOG.info("RabbitMQ at {} no longer blocks publishing on this connection ({})", description, why);
        for (Runnable listener : onUnblocked) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("a blocked-connection listener failed: {}", e.getMessage(), e);
            }
        }
    }

    /** Follows the blocked state of the connection in use; a new connection starts unblocked. */
    private synchronized void watch(Connection current) {
        if (current == watched) {
            return;
        }
        if (watched != null) {
            watched.removeBlockedListener(relay);
        }
        watched = current;
        current.addBlockedListener(relay);
        String already = BLOCKED.get(current);
        if (already != null) {
            blocked(already);
        } else {
            unblocked("a new connection replaced the blocked one");
        }
    }

    /**
     * The factory's connection, replaced when the broker closed it: spring-rabbit renews it by
     * itself only for channels taken through its own cache, which the hot paths bypass.
     */
    private org.springframework.amqp.rabbit.connection.Connection liveConnection() {
        org.springframework.amqp.rabbit.connection.Connection connection = openConnection();
        watch(connection.getDelegate());
        return connection;
    }

    private org.springframework.amqp.rabbit.connection.Connection openConnection() {
        org.springframework.amqp.rabbit.connection.Connection connection = factory.createConnection();
        if (!connection.isOpen() && factory instanceof AbstractConnectionFactory resettable) {
            synchronized (this) {
                connection = factory.createConnection();
                if (!connection.isOpen()) {
                    resettable.resetConnection();
                    connection = factory.createConnection();
                }
            }
        }
        return connection;
    }

    /**
     * Connects at start-up: a refused or timed-out connection (broker still starting) is retried
     * on the start-up {@code schedule}; a refused login or a missing virtual host fails at once.
     */
    public void connect(RetrySchedule schedule, Consumer<String> waiting) {
        for (int failed = 1;; failed++) {
            try {
                liveConnection();
                return;
            } catch (AmqpException e) {
                ConnectFailedException error = classify(e);
                Duration delay = schedule.afterFailedStartupAttempt(failed);
                if (error.isPermanent() || delay == null) {
                    throw error;
                }
                LOG.warn("{}; retrying in {} ms", error.getMessage(), delay.toMillis());
                waiting.accept(error.getMessage());
                if (!RetrySchedule.sleep(delay)) {
                    throw error;
                }
            }
        }
    }

    /**
     * Turns spring-rabbit's exception into one that names the broker and says whether to retry; the original is its
     * cause.
     */
    ConnectFailedException classify(AmqpException e) {
        String prefix = "cannot connect to RabbitMQ at " + description + ": ";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AmqpAuthenticationException || t instanceof AuthenticationFailureException
                    || t instanceof PossibleAuthenticationFailureException) {
                return new ConnectFailedException(
                        prefix + "login refused (check the username and password: " + credentials + ")", true, e);
            }
            if (t instanceof ShutdownSignalException signal) {
                int code = BrokerReplies.replyCode(signal);
                String text = BrokerReplies.replyText(signal);
                if (code == 530 || code == 403) {
                    String reason = text.contains("vhost")
                            ? "the virtual host does not exist or the user may not use it"
                            : "access refused";
                    return new ConnectFailedException(prefix + reason + " (" + text + ")", true, e);
                }
                return new ConnectFailedException(prefix + text, false, e);
            }
            if (t instanceof SSLException tls) {
                // a certificate problem: trying again the same way cannot succeed
                return new ConnectFailedException(prefix + "TLS refused (" + tls.getMessage()
                        + "): check sslContextParameters (truststore for the broker's certificate, keystore for a "
                        + "client certificate)",
                        true, e);
            }
            if (t instanceof ConnectException) {
                return new ConnectFailedException(prefix + "connection refused (is RabbitMQ running?)", false, e);
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new ConnectFailedException(prefix + root.getClass().getSimpleName() + ": " + root.getMessage(),
                false, e);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (watched != null) {
                watched.removeBlockedListener(relay);
                watched = null;
            }
        }
        if (owned && factory instanceof CachingConnectionFactory caching) {
            caching.destroy();
        }
    }
}
