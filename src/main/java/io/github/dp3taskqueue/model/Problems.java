package io.github.dp3taskqueue.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the problems of one validation, each at the current location. Validators push a field
 * name or an index while they look inside a value and pop it afterwards.
 */
final class Problems {

    private final List<Object> path = new ArrayList<>();
    private final List<Problem> found = new ArrayList<>();

    void push(Object segment) {
        path.add(segment);
    }

    void pop() {
        path.remove(path.size() - 1);
    }

    int depth() {
        return path.size();
    }

    void add(String type, String msg, Object input) {
        add(type, msg, input, null);
    }

    void add(String type, String msg, Object input, Map<String, Object> ctx) {
        found.add(new Problem(path, type, msg, input, ctx));
    }

    /** An error at a sub-location of the current one (pydantic's union member names). */
    void addAt(Object segment, String type, String msg, Object input) {
        push(segment);
        add(type, msg, input);
        pop();
    }

    int count() {
        return found.size();
    }

    List<Problem> list() {
        return found;
    }
}
