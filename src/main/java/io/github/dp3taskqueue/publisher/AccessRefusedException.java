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
 * The broker refused a publish because the user may not write to the exchange (ACCESS_REFUSED on
 * the channel). Republishing cannot succeed: the task is in no queue. A refused login is a
 * {@code ConnectFailedException} instead.
 */
public class AccessRefusedException extends TaskQueueException {

    private static final long serialVersionUID = 1L;

    public AccessRefusedException(String replyText) {
        super("RabbitMQ refused the publish: " + replyText
                + " (the user needs write permission on the DP3 exchanges); the task is in no queue");
    }
}
