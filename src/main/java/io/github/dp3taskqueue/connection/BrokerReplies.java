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
package io.github.dp3taskqueue.connection;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Method;
import com.rabbitmq.client.ShutdownSignalException;

/** Reads the broker's reply code and text out of the exceptions amqp-client throws. */
public final class BrokerReplies {

    private BrokerReplies() {
    }

    /** The shutdown signal in {@code error}'s cause chain, or {@code null}. */
    public static ShutdownSignalException signal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException signal) {
                return signal;
            }
        }
        return null;
    }

    public static int replyCode(ShutdownSignalException signal) {
        Method reason = signal.getReason();
        if (reason instanceof AMQP.Channel.Close close) {
            return close.getReplyCode();
        }
        if (reason instanceof AMQP.Connection.Close close) {
            return close.getReplyCode();
        }
        return -1;
    }

    public static String replyText(ShutdownSignalException signal) {
        Method reason = signal.getReason();
        if (reason instanceof AMQP.Channel.Close close) {
            return close.getReplyText();
        }
        if (reason instanceof AMQP.Connection.Close close) {
            return close.getReplyText();
        }
        return String.valueOf(signal.getMessage());
    }

    /** The broker's reply text if there is one, else the exception's message. */
    public static String describe(Throwable error) {
        ShutdownSignalException signal = signal(error);
        return signal != null ? replyText(signal) : String.valueOf(error.getMessage());
    }
}
