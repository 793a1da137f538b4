package io.github.dp3taskqueue.publisher;

import com.rabbitmq.client.AMQP;

/**
 * A message between its first publish and its final confirm or failure. Its properties, and so
 * its message id, stay the same across republishes, so that duplicates can be recognised.
 */
final class PendingMessage {

    final OutgoingMessage message;
    final AMQP.BasicProperties properties;
    final PublishBatch batch;
    final long firstPublishNanos;
    volatile String returnedReason;
    // whether the broker may hold it: written and neither nacked nor known to be lost unread
    volatile boolean written;

    PendingMessage(OutgoingMessage message, AMQP.BasicProperties properties, PublishBatch batch) {
        this.message = message;
        this.properties = properties;
        this.batch = batch;
        this.firstPublishNanos = System.nanoTime();
    }
}
