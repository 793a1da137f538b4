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
package io.github.dp3taskqueue.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.github.dp3taskqueue.testing.CountingFrameHandler;

/** Whose flushes {@link BatchedWrites} holds back, and that a release writes what was held. */
class BatchedWritesTest {

    private final CountingFrameHandler socket = new CountingFrameHandler();
    private final BatchedWrites writes = new BatchedWrites(socket);

    @Test
    void withoutAHoldEveryFlushIsWrittenAtOnce() throws IOException {
        writes.flush();
        writes.flush();
        assertThat(socket.flushes).hasValue(2);
    }

    @Test
    void theHoldingThreadsFlushesWaitForItsReleaseWhichWritesThemOnce() throws IOException {
        writes.hold();
        for (int i = 0; i < 64; i++) {
            writes.writeFrame(null);
            writes.flush();
        }
        assertThat(socket.frames).hasValue(64); // the frames went to the buffer as they came
        assertThat(socket.flushes).hasValue(0);
        writes.release();
        assertThat(socket.flushes).hasValue(1);
        writes.flush(); // released: written at once again
        assertThat(socket.flushes).hasValue(2);
    }

    @Test
    void anotherThreadsFlushOrReleaseWritesAtOnceAndLeavesTheHoldAsItIs() throws Exception {
        writes.hold();
        Thread other = new Thread(() -> {
            try {
                writes.flush(); // a heartbeat, another channel: written at once, with what is held
                writes.release(); // not its hold: writes, and the hold stays
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        other.start();
        other.join();
        assertThat(socket.flushes).hasValue(2);
        writes.flush();
        assertThat(socket.flushes).hasValue(2); // still held for this thread
        writes.release();
        assertThat(socket.flushes).hasValue(3);
        writes.flush();
        assertThat(socket.flushes).hasValue(4);
    }

    @Test
    void aBrokenSocketIsToldAtTheRelease() {
        writes.hold();
        socket.broken = true;
        assertThatThrownBy(writes::release).isInstanceOf(IOException.class).hasMessage("Broken pipe");
    }
}
