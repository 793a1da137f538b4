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
package io.github.dp3taskqueue.consumer;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dp3taskqueue.FailurePolicy;

/**
 * Settles a delivery when its exchange is done, as camel-google-pubsub does: ack when the route
 * completed (also when an error handler dealt with a failure), nack per {@link FailurePolicy}
 * when it failed. The delivering channel's {@link ChannelAcks} sends it (an ack perhaps with
 * later ones); if that channel has closed since, the broker has already requeued the message and
 * will deliver it again, so nothing is sent.
 * A requeue can be held back for a while (requeueDelay): RabbitMQ puts a requeued message back at
 * the head of the queue, so a task that keeps failing would otherwise return at once, over and over.
 */
final class AckOnCompletion extends SynchronizationAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(AckOnCompletion.class);

    private final Delivery delivery;
    private final FailurePolicy policy;
    private final ScheduledExecutorService scheduler;
    private final long requeueDelayMillis;
    private final AtomicInteger delayed;

    /**
     * @param scheduler where held-back requeues wait; {@code null} to requeue at once
     * @param delayed   counts the requeues held back now
     */
    AckOnCompletion(Delivery delivery, FailurePolicy policy, ScheduledExecutorService scheduler,
            long requeueDelayMillis, AtomicInteger delayed) {
        this.delivery = delivery;
        this.policy = policy;
        this.scheduler = scheduler;
        this.requeueDelayMillis = requeueDelayMillis;
        this.delayed = delayed;
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
                delayed.incrementAndGet();
                scheduler.schedule(() -> {
                    delayed.decrementAndGet();
                    settle(false);
                }, requeueDelayMillis, TimeUnit.MILLISECONDS);
                return;
            } catch (RejectedExecutionException stopping) {
                delayed.decrementAndGet();
                LOG.debug("consumer stopping; requeueing delivery of {} at once", delivery.queue());
            }
        }
        settle(false);
    }

    private void settle(boolean success) {
        if (!delivery.channel().isOpen()) {
            LOG.debug("not settling delivery {} of {}: its channel closed, the broker redelivers it", delivery.tag(),
                    delivery.queue());
        } else if (success) {
            delivery.acks().succeeded(delivery.tag());
        } else {
            delivery.acks().failed(delivery.tag(), policy == FailurePolicy.REQUEUE);
        }
    }
}
