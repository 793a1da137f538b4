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
        assertThat(error.getMessage())
                .endsWith("login refused (check the username and password: the connection factory's)");
        assertThat(error.isPermanent()).isTrue();
        assertThat(error.getCause()).isSameAs(login);
    }
}
