package io.github.dp3taskqueue.springboot;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Spring Boot application that embeds the component: it only supplies a ConnectionFactory. */
@SpringBootApplication
public class Dp3SpringBootApplication {

    @Bean
    ConnectionFactory rabbitConnectionFactory(@Value("${test.broker.host}") String host,
            @Value("${test.broker.port}") int port) {
        CachingConnectionFactory factory = new CachingConnectionFactory(host, port);
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory;
    }
}
