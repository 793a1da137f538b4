package io.github.dp3taskqueue.connection;

import java.io.IOException;

import com.rabbitmq.client.Channel;

/** Opens a fresh channel on the endpoint's current connection (reconnecting if it was lost). */
@FunctionalInterface
public interface ChannelSource {

    Channel openChannel() throws IOException;
}
