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
package io.github.dp3taskqueue.observe;

import java.util.Map;

/**
 * A producer or consumer as the dev console shows it: what it holds now, as maps, lists and
 * values that are both JSON and text.
 */
public interface Observed {

    /** {@code producer}, {@code consumer} or {@code polling consumer}. */
    String role();

    /** What it holds now; its queues' state among it. */
    Map<String, Object> describe();

    /** Ready tasks of each queue it uses, as last probed ({@code statsInterval}); empty when not watched. */
    Map<String, Long> queueDepths();
}
