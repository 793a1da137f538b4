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
