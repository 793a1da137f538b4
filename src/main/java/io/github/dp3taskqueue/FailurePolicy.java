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
package io.github.dp3taskqueue;

/**
 * The option {@code onFailure}: what is done with a message whose exchange failed and no error
 * handler dealt with it. Written in any case in a URI ({@code requeue}, {@code reject}).
 */
public enum FailurePolicy {
    /** nack with requeue: the broker delivers it again (beware of a poison message looping). */
    REQUEUE,
    /** nack without requeue: the queue's dead-letter exchange, if configured, receives it. */
    REJECT
}
