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
package io.github.dp3taskqueue.producer;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one fed file became, across the batches a route splits it into: the tasks published and the
 * lines refused ({@code routes/feed-jsonl.yaml} logs it per file). The split's batches share it as
 * an exchange property of the file's exchange.
 */
public final class FeedTally {

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /** A new tally, for {@code setProperty: {method: {beanType: ...FeedTally, method: start}}}. */
    public static FeedTally start() {
        return new FeedTally();
    }

    /** Adds one batch: the header {@code CamelDp3PublishedCount} and the header {@code CamelDp3InvalidTasks}. */
    public static void add(FeedTally tally, Integer published, List<?> invalid) {
        tally.published.addAndGet(published == null ? 0 : published);
        tally.refused.addAndGet(invalid == null ? 0 : invalid.size());
    }

    public long getPublished() {
        return published.get();
    }

    public long getRefused() {
        return refused.get();
    }

    @Override
    public String toString() {
        return published.get() + " published, " + refused.get() + " refused";
    }
}
