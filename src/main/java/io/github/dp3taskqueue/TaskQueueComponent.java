package io.github.dp3taskqueue;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

/**
 * The {@code dp3-taskqueue} component. Its options are the endpoint options' defaults, so a
 * deployment sets broker and DP3 settings once ({@code camel.component.dp3-taskqueue.*}).
 */
@Component("dp3-taskqueue")
public class TaskQueueComponent extends DefaultComponent {

    @Metadata(description = "Default options of every dp3-taskqueue endpoint")
    private TaskQueueConfiguration configuration = new TaskQueueConfiguration();

    @Metadata(label = "common", autowired = true, description = "A spring-rabbit ConnectionFactory shared by every endpoint; autowired when exactly one exists in the registry")
    private ConnectionFactory connectionFactory;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TaskQueueConfiguration endpointConfiguration = configuration.copy();
        if (endpointConfiguration.getConnectionFactory() == null) {
            endpointConfiguration.setConnectionFactory(connectionFactory);
        }
        TaskQueueEndpoint endpoint = new TaskQueueEndpoint(uri, this, endpointConfiguration);
        endpoint.setApplication(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public TaskQueueConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TaskQueueConfiguration configuration) {
        this.configuration = configuration;
    }

    public ConnectionFactory getConnectionFactory() {
        return connectionFactory;
    }

    public void setConnectionFactory(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }
}
