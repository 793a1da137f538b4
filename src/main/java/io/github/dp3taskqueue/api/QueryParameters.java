package io.github.dp3taskqueue.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * A request's query parameters ({@code CamelHttpQuery}), decoded; the first value of a repeated one, as FastAPI takes.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static Map<String, String> of(Message in) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = in.getHeader(Exchange.HTTP_QUERY, String.class);
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }
}
