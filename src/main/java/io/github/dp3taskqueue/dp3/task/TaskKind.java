package io.github.dp3taskqueue.dp3.task;

import java.util.Locale;

/** The three kinds of DP3 task; the option {@code taskType} names one of them (in any case: {@code datapoint}). */
public enum TaskKind {
    DATAPOINT, SNAPSHOT, CONTROL;

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
