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
package io.github.dp3taskqueue.dp3.task;

import java.util.Locale;

/** The three kinds of DP3 task; the option {@code taskType} names one of them (in any case: {@code datapoint}). */
public enum TaskKind {
    DATAPOINT, SNAPSHOT, CONTROL;

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
