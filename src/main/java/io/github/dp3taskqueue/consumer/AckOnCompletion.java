package io.github.dp3taskqueue.consumer;

import java.io.IOException;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.AlreadyClosedException;

/**
 * Settles a delivery when its exchange is done, as camel-google-pubsub does: ack when the route
 * completed (also when an error handler dealt with a failure), nack per {@link FailurePolicy}
 * when it failed. The ack goes to the delivering channel; if that channel has closed since, the
 * broker has already requeued the message and will deliver it again, so nothing is sent.
 */
final class AckOnCompletion extends SynchronizationAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(AckOnCompletion.class);

    private final Delivery delivery;
    private final FailurePolicy policy;
    private final ConsumerMetrics metrics;

    AckOnCompletion(Delivery delivery, FailurePolicy policy, ConsumerMetrics metrics) {
        this.delivery = delivery;
        this.policy = policy;
        this.metrics = metrics;
    }

    @Override
    public void onComplete(Exchange exchange) {
        settle(true);
    }

    @Override
    public void onFailure(Exchange exchange) {
        settle(false);
    }

    private void settle(boolean success) {
        long tag = delivery.envelope().getDeliveryTag();
        if (!delivery.channel().isOpen()) {
            LOG.debug("not settling delivery {} of {}: its channel closed, the broker redelivers it", tag, delivery.queue());
            return;
        }
        try {
            if (success) {
                delivery.channel().basicAck(tag, false);
                metrics.acked(delivery.queue());
            } else if (policy == FailurePolicy.REQUEUE) {
                delivery.channel().basicNack(tag, false, true);
                metrics.requeued(delivery.queue());
            } else {
                delivery.channel().basicReject(tag, false);
                metrics.rejected(delivery.queue());
            }
        } catch (IOException | AlreadyClosedException e) {
            LOG.debug("settling delivery {} of {} failed ({}); the broker redelivers it", tag, delivery.queue(), e.getMessage());
        }
    }
}
