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

import java.util.Locale;
import java.util.Map;

import com.rabbitmq.client.Connection;

/** The broker on the other end, as its server properties name it; it decides the queue arguments. */
public enum BrokerProduct {
    RABBITMQ, QPID;

    public static BrokerProduct of(Connection connection) {
        Map<String, Object> properties = connection.getServerProperties();
        Object product = properties.get("product");
        // Qpid names itself in "product", except when its jar lost its manifest (a shaded jar
        // says "unknown"); its own qpid.* capabilities are always there
        boolean qpid = product != null && product.toString().toLowerCase(Locale.ROOT).contains("qpid")
                || properties.keySet().stream().anyMatch(key -> key.startsWith("qpid."));
        return qpid ? QPID : RABBITMQ;
    }
}
