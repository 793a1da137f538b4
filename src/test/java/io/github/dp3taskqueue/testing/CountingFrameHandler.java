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
