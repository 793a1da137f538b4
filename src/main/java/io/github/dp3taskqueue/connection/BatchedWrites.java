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

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.impl.AMQConnection;
import com.rabbitmq.client.impl.Frame;
import com.rabbitmq.client.impl.FrameHandler;

/**
 * A connection's frame handler that lets one thread write a run of messages to the socket
 * together. amqp-client flushes its socket buffer after every command, so each message published
 * is a write system call of its own; while a thread {@linkplain #hold() holds} the flushes, its
 * messages stay in amqp-client's 8 KiB buffer, which is written when it fills and when the thread
 * {@linkplain #release() releases} them.
 * <p>
 * Why: a write system call per message was a large part of a publisher's CPU, which on a machine
 * shared with the broker is the broker's loss (docs/decisions/batched-writes.md has the measurement).
 * <p>
 * Only the holding thread's flushes wait: any other thread's flush (a heartbeat, another channel)
 * writes at once, and the held messages with it. A holder must release before it waits for
 * anything the broker does (a confirm): until then the broker has not seen them.
 */
public final class BatchedWrites implements FrameHandler {

    private final FrameHandler socket;
    private volatile Thread holder;

    public BatchedWrites(FrameHandler socket) {
        this.socket = socket;
    }

    /**
     * The batched writes of the channel's connection, or {@code null} when it is not one this
     * component opened (a {@code connectionFactory} bean of the user's): it flushes every message.
     */
    public static BatchedWrites of(Channel channel) {
        return channel.getConnection() instanceof AMQConnection connection
                && connection.getFrameHandler() instanceof BatchedWrites writes ? writes : null;
    }

    /** From now on this thread's flushes wait for {@link #release()}. */
    public void hold() {
        holder = Thread.currentThread();
    }

    /**
     * Ends this thread's hold, if it holds, and writes what the buffer has: also another thread's
     * held messages, which cannot wait on a hold that is taken over (one connection, two holders) and
     * so are never left behind. An empty buffer costs no system call.
     *
     * @throws IOException when the socket is broken: what was held may not have reached the broker
     */
    public void release() throws IOException {
        if (holder == Thread.currentThread()) {
            holder = null;
        }
        socket.flush();
    }

    @Override
    public void flush() throws IOException {
        if (holder != Thread.currentThread()) {
            socket.flush();
        }
    }

    @Override
    public void writeFrame(Frame frame) throws IOException {
        socket.writeFrame(frame);
    }

    @Override
    public Frame readFrame() throws IOException {
        return socket.readFrame();
    }

    @Override
    public void setTimeout(int timeoutMs) throws SocketException {
        socket.setTimeout(timeoutMs);
    }

    @Override
    public int getTimeout() throws SocketException {
        return socket.getTimeout();
    }

    @Override
    public void sendHeader() throws IOException {
        socket.sendHeader();
    }

    @Override
    public void initialize(AMQConnection connection) {
        socket.initialize(connection);
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getAddress() {
        return socket.getAddress();
    }

    @Override
    public int getPort() {
        return socket.getPort();
    }
}
