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

import com.rabbitmq.client.ShutdownSignalException;

import io.github.dp3taskqueue.connection.BrokerReplies;
import io.github.dp3taskqueue.topology.TopologyException;

/**
 * A channel closed because the publish itself can never succeed: the exchange does not exist
 * (404) or the user may not write to it (403). Republishing would loop for ever, so the
 * messages for that exchange fail with the broker's reason; the others are republished.
 */
record PublishRefusal(String exchange, String text, int code) {

    static PublishRefusal of(ShutdownSignalException signal) {
        int code = BrokerReplies.replyCode(signal);
        if (code != 404 && code != 403) {
            return null;
        }
        String text = BrokerReplies.replyText(signal);
        return new PublishRefusal(quotedAfter(text, "exchange '"), text, code);
    }

    boolean appliesTo(String target) {
        return exchange == null ? code == 403 : exchange.equals(target);
    }

    Throwable error() {
        if (code == 404) {
            return new TopologyException("exchange '" + exchange
                    + "' does not exist (NOT_FOUND): the DP3 topology was deleted or never declared; the task is "
                    + "in no queue", null);
        }
        return new AccessRefusedException(text);
    }

    private static String quotedAfter(String text, String marker) {
        int start = text.indexOf(marker);
        if (start < 0) {
            return null;
        }
        int from = start + marker.length();
        int end = text.indexOf('\'', from);
        return end > from ? text.substring(from, end) : null;
    }
}
