package io.github.dp3taskqueue.bench;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.dp3taskqueue.TaskQueueConstants;

/**
 * memory-produce, in its own JVM (-Xmx256m): a route streams a JSON-lines file in batches of 500
 * through the producer. Arguments: host port app file.
 */
public final class MemoryProducerMain {

    private MemoryProducerMain() {
    }

    public static void main(String[] args) throws Exception {
        HeapSampler heap = new HeapSampler();
        Path file = Path.of(args[3]);
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong published = new AtomicLong();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("file:" + file.getParent() + "?fileName=" + file.getFileName() + "&noop=true")
                            .split().tokenize("\n", 500).streaming().stopOnException()
                                .to("dp3-taskqueue:" + args[2] + "?workers=1&host=" + args[0] + "&port=" + args[1])
                                .process(e -> published.addAndGet(e.getMessage().getHeader(TaskQueueConstants.PUBLISHED_COUNT, Integer.class)))
                            .end()
                            .process(e -> done.countDown());
                }
            });
            camel.start();
            if (!done.await(600, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out after " + published.get());
            }
        }
        System.out.printf("MEMORY published=%d peak_heap_mb=%.1f%n", published.get(), heap.peakMegabytes());
    }
}
