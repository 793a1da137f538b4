package io.github.dp3taskqueue.consumer;

import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
 * A requeue can be held back for a while (requeueDelay): RabbitMQ puts a requeued message back at
 * the head of the queue, so a task that keeps failing would otherwise return at once, over and over.
 */
final class AckOnCompletion extends SynchronizationAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(AckOnCompletion.class);

    private final Delivery delivery;
    private final FailurePolicy policy;
    private final ConsumerMetrics metrics;
    private final ScheduledExecutorService scheduler;
    private final long requeueDelayMillis;

    /** @param scheduler where held-back requeues wait; {@code null} to requeue at once */
    AckOnCompletion(Delivery delivery, FailurePolicy policy, ConsumerMetrics metrics, ScheduledExecutorService scheduler,
            long requeueDelayMillis) {
        this.delivery = delivery;
        this.policy = policy;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.requeueDelayMillis = requeueDelayMillis;
    }

    @Override
    public void onComplete(Exchange exchange) {
        settle(true);
    }

    @Override
    public void onFailure(Exchange exchange) {
        if (policy == FailurePolicy.REQUEUE && scheduler != null && requeueDelayMillis > 0) {
            try {
                // still unacked meanwhile: if the consumer stops first, the broker requeues it on the channel's close
                scheduler.schedule(() -> settle(false), requeueDelayMillis, TimeUnit.MILLISECONDS);
                return;
            } catch (RejectedExecutionException stopping) {
                LOG.debug("consumer stopping; requeueing delivery of {} at once", delivery.queue());
            }
        }
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
