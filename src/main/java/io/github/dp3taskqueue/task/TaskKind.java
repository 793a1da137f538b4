package io.github.dp3taskqueue.task;

import java.util.Locale;

/** The three kinds of DP3 task; the option {@code taskType} names one of them. */
public enum TaskKind {
    DATAPOINT,
    SNAPSHOT,
    CONTROL;

    /** Parses the option value ({@code datapoint}, {@code snapshot}, {@code control}), any case. */
    public static TaskKind fromOption(String value) {
        for (TaskKind kind : values()) {
            if (kind.optionValue().equalsIgnoreCase(value.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "taskType must be one of datapoint, snapshot, control; got '" + value + "'");
    }

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
