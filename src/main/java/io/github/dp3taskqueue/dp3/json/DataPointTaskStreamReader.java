package io.github.dp3taskqueue.dp3.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.github.dp3taskqueue.dp3.task.DataPoint;
import io.github.dp3taskqueue.dp3.task.DataPointTask;
import io.github.dp3taskqueue.dp3.time.Dp3DateTime;

/**
 * The hot path of {@link TaskJsonReader} for the task DP3 workers get most: one
 * {@code DataPointTask} read token by token, without building a JSON tree of the whole body.
 * Profiling the producer showed the tree (a map per object, a node per value) costing more CPU
 * than publishing the message. Only values kept as JSON ({@code eid}, {@code v}, {@code c}, tags)
 * become nodes, read by the same mapper, so the result equals the tree reader's.
 * <p>
 * It only accepts what the tree reader accepts: anything unusual (wrong types, missing keys,
 * trailing values, bad JSON) gives {@code null}, and the caller reads the body again with the
 * tree reader, whose messages name the problem. Unknown keys are read as trees rather than
 * skipped, so that their text is checked (invalid UTF-8) as the tree reader checks it.
 */
final class DataPointTaskStreamReader {

    private static final class NotFastPath extends Exception {
        private static final long serialVersionUID = 1L;

        NotFastPath() {
            super(null, null, false, false); // a signal, not an error: no message, no stack
        }
    }

    private static final NotFastPath NOT_FAST_PATH = new NotFastPath();

    private final ObjectMapper mapper;
    // values inside the body: the mapper's trailing-token check applies to whole bodies only
    private final ObjectReader values;

    DataPointTaskStreamReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.values = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The task, or {@code null} when the body needs the tree reader (to be read or to be refused). */
    DataPointTask tryRead(byte[] json) {
        try (JsonParser parser = mapper.createParser(json)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT);
            DataPointTask task = task(parser);
            expect(parser.nextToken() == null);
            return task;
        } catch (NotFastPath | IOException | RuntimeException e) {
            return null;
        }
    }

    private DataPointTask task(JsonParser parser) throws IOException, NotFastPath {
        String etype = null;
        JsonNode eid = null;
        List<DataPoint> points = List.of();
        List<JsonNode> tags = List.of();
        Map<String, String> ttl = null;
        boolean delete = false;
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (key) {
                case "etype" -> etype = string(parser, token);
                case "eid" -> eid = eid(parser, token);
                case "data_points" -> points = dataPoints(parser, token);
                case "tags" -> tags = tags(parser, token);
                case "ttl_tokens" -> ttl = ttlTokens(parser, token);
                case "delete" -> {
                    expect(token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE
                            || token == JsonToken.VALUE_NULL);
                    delete = token == JsonToken.VALUE_TRUE;
                }
                default -> values.readTree(parser);
            }
        }
        expect(parser.currentToken() == JsonToken.END_OBJECT && etype != null && eid != null);
        return new DataPointTask(etype, eid, points, tags, ttl, delete);
    }

    private List<DataPoint> dataPoints(JsonParser parser, JsonToken token) throws IOException, NotFastPath {
        expect(token == JsonToken.START_ARRAY);
        List<DataPoint> points = new ArrayList<>(4);
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            expect(token == JsonToken.START_OBJECT);
            points.add(dataPoint(parser));
        }
        return points;
    }

    private DataPoint dataPoint(JsonParser parser) throws IOException, NotFastPath {
        String etype = null;
        JsonNode eid = null;
        String attr = null;
        JsonNode src = null;
        JsonNode v = null;
        JsonNode c = null;
        JsonNode t1 = null;
        JsonNode t2 = null;
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (key) {
                case "etype" -> etype = string(parser, token);
                case "eid" -> eid = eid(parser, token);
                case "attr" -> attr = string(parser, token);
                case "src" ->
                    src = token == JsonToken.VALUE_NULL ? NullNode.instance : TextNode.valueOf(string(parser, token));
                case "v" -> v = token == JsonToken.VALUE_NULL ? NullNode.instance : values.readTree(parser);
                case "c" -> {
                    expect(token == JsonToken.VALUE_NULL || token.isNumeric());
                    c = token == JsonToken.VALUE_NULL ? NullNode.instance : values.readTree(parser);
                }
                case "t1" -> t1 = time(parser, token);
                case "t2" -> t2 = time(parser, token);
                default -> values.readTree(parser);
            }
        }
        expect(etype != null && eid != null && attr != null);
        return new DataPoint(etype, eid, attr, src, v, c, t1, t2);
    }

    private List<JsonNode> tags(JsonParser parser, JsonToken token) throws IOException, NotFastPath {
        expect(token == JsonToken.START_ARRAY);
        List<JsonNode> tags = new ArrayList<>(2);
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            tags.add(parser.currentToken() == JsonToken.VALUE_NULL ? NullNode.instance : values.readTree(parser));
        }
        return tags;
    }

    private Map<String, String> ttlTokens(JsonParser parser, JsonToken token) throws IOException, NotFastPath {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token == JsonToken.START_OBJECT);
        Map<String, String> ttl = new LinkedHashMap<>();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            ttl.put(name, Dp3DateTime.canonical(string(parser, parser.nextToken()), "ttl_tokens." + name));
        }
        return ttl;
    }

    private static JsonNode time(JsonParser parser, JsonToken token) throws IOException, NotFastPath {
        return token == JsonToken.VALUE_NULL ? NullNode.instance
                : TextNode.valueOf(Dp3DateTime.canonical(string(parser, token), "time"));
    }

    private JsonNode eid(JsonParser parser, JsonToken token) throws IOException, NotFastPath {
        if (token == JsonToken.VALUE_STRING) {
            return TextNode.valueOf(parser.getText());
        }
        expect(token.isNumeric());
        return values.readTree(parser);
    }

    private static String string(JsonParser parser, JsonToken token) throws IOException, NotFastPath {
        expect(token == JsonToken.VALUE_STRING);
        return parser.getText();
    }

    private static void expect(boolean condition) throws NotFastPath {
        if (!condition) {
            throw NOT_FAST_PATH;
        }
    }
}
