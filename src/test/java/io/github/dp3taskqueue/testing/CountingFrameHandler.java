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
package io.github.dp3taskqueue.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;

import com.rabbitmq.client.impl.AMQConnection;
import com.rabbitmq.client.impl.Frame;
import com.rabbitmq.client.impl.FrameHandler;

/** A socket's frame handler that counts the frames written and the flushes (the writes to the socket). */
public final class CountingFrameHandler implements FrameHandler {

    public final AtomicInteger flushes = new AtomicInteger();
    public final AtomicInteger frames = new AtomicInteger();
    public volatile boolean broken;

    @Override
    public void flush() throws IOException {
        if (broken) {
            throw new IOException("Broken pipe");
        }
        flushes.incrementAndGet();
    }

    @Override
    public void writeFrame(Frame frame) {
        frames.incrementAndGet();
    }

    @Override
    public Frame readFrame() {
        return null;
    }

    @Override
    public void setTimeout(int timeoutMs) {
    }

    @Override
    public int getTimeout() {
        return 0;
    }

    @Override
    public void sendHeader() {
    }

    @Override
    public void initialize(AMQConnection connection) {
    }

    @Override
    public void close() {
    }

    @Override
    public InetAddress getLocalAddress() {
        return null;
    }

    @Override
    public int getLocalPort() {
        return 0;
    }

    @Override
    public InetAddress getAddress() {
        return null;
    }

    @Override
    public int getPort() {
        return 0;
    }
}
