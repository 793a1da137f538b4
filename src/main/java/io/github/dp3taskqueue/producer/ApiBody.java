package io.github.dp3taskqueue.producer;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import io.github.dp3taskqueue.dp3.json.JsonValues;
import io.github.dp3taskqueue.dp3.model.ApiDataPoints;
import io.github.dp3taskqueue.dp3.model.ValidatedTask;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;

/**
 * A body in DP3's API form ({@code input=api}): the JSON array DP3's {@code POST /datapoints}
 * takes, as text, bytes, a stream or Java objects (a list of maps), validated and grouped into
 * tasks as DP3's API does. All or nothing: one invalid data point refuses the whole body, with
 * DP3's error list ({@link io.github.dp3taskqueue.dp3.model.RefusedTaskException#problems()}).
 */
final class ApiBody {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiBody() {
    }

    static List<ValidatedTask> of(Exchange exchange, Object payload, ApiDataPoints api) {
        return api.validate(tree(exchange, payload), "the data points");
    }

    private static JsonNode tree(Exchange exchange, Object payload) {
        if (payload == null) {
            return NullNode.getInstance();
        }
        if (payload instanceof JsonNode node) {
            return node;
        }
        if (payload instanceof Collection<?> || payload instanceof Map<?, ?> || payload instanceof Object[]) {
            return MAPPER.valueToTree(payload);
        }
        byte[] bytes = payload instanceof byte[] b ? b
                : payload instanceof InputStream
                        ? exchange.getContext().getTypeConverter().convertTo(byte[].class, exchange, payload)
                        : null;
        if (bytes == null) {
            throw new InvalidTaskException(
                    "a body of DP3's API data points must be JSON text, bytes, a stream or a list; got a "
                            + payload.getClass().getName());
        }
        if (bytes.length == 0) {
            return NullNode.getInstance(); // as DP3's API: an empty body is a missing one
        }
        try {
            return JsonValues.parseAsPython(bytes); // DP3's API reads its body with Python's json
        } catch (JsonValues.JsonInvalidException e) {
            throw new InvalidTaskException("the data points are not JSON: " + e.getMessage(), e);
        }
    }
}
