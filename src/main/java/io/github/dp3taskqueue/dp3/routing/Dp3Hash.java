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
package io.github.dp3taskqueue.dp3.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * DP3's worker choice (PROTOCOL.md §2): {@code HASH(key)} is the last two bytes of the MD5 of
 * the key's UTF-8 bytes, read as an unsigned big-endian 16-bit integer; the worker is
 * {@code HASH mod N}.
 */
public final class Dp3Hash {

    // MessageDigest is not thread-safe; one per thread avoids both locking and re-creation
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5", e);
        }
    });

    private Dp3Hash() {
    }

    /** {@code HASH(key)}, 0..65535. */
    public static int hash(String key) {
        byte[] digest = MD5.get().digest(key.getBytes(StandardCharsets.UTF_8));
        return ((digest[14] & 0xFF) << 8) | (digest[15] & 0xFF);
    }

    /** The worker index for {@code key} among {@code workers} workers. */
    public static int worker(String key, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1; got " + workers);
        }
        return hash(key) % workers;
    }
}
