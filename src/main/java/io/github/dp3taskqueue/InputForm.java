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
package io.github.dp3taskqueue;

/**
 * The option {@code input}: the form of the bodies a producer publishes. Written in any case in a
 * URI ({@code task}, {@code api}).
 */
public enum InputForm {
    /** DP3 tasks in the worker form: one, a collection, a JSON array or JSON lines */
    TASK,
    /**
     * the body of DP3's HTTP {@code POST /datapoints}: a JSON array of data points ({@code type},
     * {@code id}, {@code attr}, {@code v}, ...), validated and grouped into tasks as DP3's API does
     */
    API
}
