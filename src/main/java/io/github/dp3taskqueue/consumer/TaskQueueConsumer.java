package io.github.dp3taskqueue.consumer;

import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import io.github.dp3taskqueue.TaskQueueEndpoint;

public class TaskQueueConsumer extends DefaultConsumer {
    public TaskQueueConsumer(TaskQueueEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }
}
