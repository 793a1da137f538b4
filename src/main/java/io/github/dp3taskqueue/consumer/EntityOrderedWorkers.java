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

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code concurrentConsumers} threads that each take the next delivery from the
 * {@link PriorityDispatcher} and run it to completion, while tasks of one entity run one at a
 * time and in the order they were taken, as DP3's worker threads do. A task whose entity is
 * already running waits behind it and is then run by the thread that owns the entity, so no
 * task is handed from thread to thread on the way (a hand-off per task costs more than the
 * rest of the path on a busy machine).
 */
final class EntityOrderedWorkers {

    /** Runs one delivery through the route and returns when the exchange is done. */
    interface Handler {
        void handle(Delivery delivery);
    }

    private final PriorityDispatcher dispatcher;
    private final Handler handler;
    private final Map<String, ArrayDeque<Delivery>> busyEntities = new HashMap<>(); // guarded by this
    private volatile boolean running;

    EntityOrderedWorkers(PriorityDispatcher dispatcher, Handler handler) {
        this.dispatcher = dispatcher;
        this.handler = handler;
    }

    void start(ExecutorService threads, int count) {
        running = true;
        for (int i = 0; i < count; i++) {
            threads.execute(this::work);
        }
    }

    private void work() {
        try {
            while (running) {
                Delivery delivery = dispatcher.next();
                if (delivery == null) {
                    return;
                }
                String key = delivery.parsed().entityKey();
                if (key != null) {
                    synchronized (this) {
                        ArrayDeque<Delivery> waiting = busyEntities.get(key);
                        if (waiting != null) {
                            waiting.add(delivery);
                            continue;
                        }
                        busyEntities.put(key, new ArrayDeque<>());
                    }
                }
                runEntity(key, delivery);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the delivery, then every delivery of its entity that queued up meanwhile. */
    private void runEntity(String key, Delivery first) {
        Delivery delivery = first;
        while (delivery != null) {
            handler.handle(delivery);
            if (key == null) {
                return;
            }
            synchronized (this) {
                ArrayDeque<Delivery> waiting = busyEntities.get(key);
                // once stopping, waiting deliveries are not started: unacked, they return to the queue
                delivery = running && waiting != null ? waiting.poll() : null;
                if (delivery == null) {
                    busyEntities.remove(key);
                }
            }
        }
    }

    /** Deliveries waiting behind a running task of their entity. */
    synchronized int waiting() {
        int count = 0;
        for (ArrayDeque<Delivery> queue : busyEntities.values()) {
            count += queue.size();
        }
        return count;
    }

    /** Stops taking deliveries; running tasks finish (within {@code millis}). */
    boolean stop(ExecutorService threads, long millis) throws InterruptedException {
        running = false;
        dispatcher.close();
        threads.shutdown();
        return threads.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }
}
