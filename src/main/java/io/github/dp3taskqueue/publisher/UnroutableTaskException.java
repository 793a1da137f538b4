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
package io.github.dp3taskqueue.publisher;

import io.github.dp3taskqueue.TaskQueueException;

/**
 * The broker returned the task as unroutable: no queue is bound to the exchange with that
 * routing key, typically because {@code workers} is larger than the deployed topology.
 */
public class UnroutableTaskException extends TaskQueueException {

    private static final long serialVersionUID = 1L;

    public UnroutableTaskException(String exchange, String routingKey, String replyText) {
        super("the broker returned the task as unroutable (" + replyText + "): exchange '" + exchange
                + "' has no queue bound with routing key '" + routingKey
                + "'. Is workers larger than the number of worker queues deployed?");
    }
}
