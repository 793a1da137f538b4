package io.github.dp3taskqueue.connection;

import java.io.IOException;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.impl.FrameHandlerFactory;

/**
 * amqp-client's connection factory whose connections can write several messages in one system
 * call ({@link BatchedWrites}); in every other way amqp-client's own, TLS included.
 */
public final class BatchingConnectionFactory extends ConnectionFactory {

    @Override
    protected synchronized FrameHandlerFactory createFrameHandlerFactory() throws IOException {
        FrameHandlerFactory sockets = super.createFrameHandlerFactory();
        return (address, connectionName) -> new BatchedWrites(sockets.create(address, connectionName));
    }
}
