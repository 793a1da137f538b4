package io.github.dp3taskqueue.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpAuthenticationException;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/** How a connection failure is told: named for the user, retried or not, and the original kept as the cause. */
class BrokerConnectionTest {

    private final BrokerConnection connection = new BrokerConnection(new CachingConnectionFactory("localhost", 1),
            false,
            "localhost:1 vhost /");

    @Test
    void aRefusedConnectionIsRetriedAndKeepsItsCause() {
        AmqpConnectException refused = new AmqpConnectException(new ConnectException("Connection refused"));
        ConnectFailedException error = connection.classify(refused);
        assertThat(error)
                .hasMessage(
                        "cannot connect to RabbitMQ at localhost:1 vhost /: connection refused (is RabbitMQ running?)")
                .hasCause(refused);
        assertThat(error.isPermanent()).isFalse();
    }

    @Test
    void aRefusedLoginIsPermanentAndKeepsItsCause() {
        AmqpAuthenticationException login = new AmqpAuthenticationException(new RuntimeException("ACCESS_REFUSED"));
        ConnectFailedException error = connection.classify(login);
        assertThat(error.getMessage()).endsWith("login refused (check username and password)");
        assertThat(error.isPermanent()).isTrue();
        assertThat(error.getCause()).isSameAs(login);
    }
}
