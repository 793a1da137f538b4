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
package io.github.dp3taskqueue.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.NullNode;

import io.github.dp3taskqueue.TaskQueueComponent;
import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.dp3.config.Dp3Config;
import io.github.dp3taskqueue.dp3.json.JsonValues;
import io.github.dp3taskqueue.dp3.model.ApiEntities;
import io.github.dp3taskqueue.dp3.model.RefusedTaskException;
import io.github.dp3taskqueue.dp3.model.ValidatedTask;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.Refusal;
import io.github.dp3taskqueue.observe.Refusals;

import io.vertx.core.net.SocketAddress;

/**
 * DP3's HTTP API in front of the task queue ({@code routes/dp3-api.yaml}): each request is read and
 * answered as DP3's API answers it, and what is to be published is left in the exchange for the
 * route's {@code dp3-taskqueue} producers. The exchange property {@link #ACTION} says what the
 * route does next: {@code datapoints} (publish the body with {@code input=api}), {@code task} (a
 * task of an entity endpoint, in DP3's bytes), {@code control} (a control message) or
 * {@code answered} (forwarded requests included).
 */
public final class Dp3Api {

    /** The exchange property naming the route's next step. */
    public static final String ACTION = "Dp3ApiAction";

    private static final Logger LOG = LoggerFactory.getLogger(Dp3Api.class);
    private static final String REMOTE_ADDRESS = "CamelVertxPlatformHttpRemoteAddress";

    private final ControlRequests control;
    private final EntityRequests entities;
    private final Upstream upstream;
    private final BadRequestLog badLog;
    private final String application;

    /**
     * @param configDir   the DP3 config directory (its enabled modules)
     * @param upstream    the URL of a DP3 API that answers every other path, or blank
     * @param badLog      a file receiving the refused-request lines too, or blank
     * @param application the DP3 application, under which refusals are counted
     */
    public Dp3Api(String configDir, String upstream, String badLog, String application) {
        this.application = application;
        Dp3Config config = Dp3Config.read(Path.of(configDir));
        this.control = new ControlRequests(config.enabledModules());
        this.entities = new EntityRequests(config.dataModel());
        this.upstream = upstream == null || upstream.isBlank() ? null : new Upstream(upstream);
        this.badLog = new BadRequestLog(badLog == null || badLog.isBlank() ? null : Path.of(badLog));
    }

    /** Reads the request and decides what the route does with it. */
    public void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        String method = String.valueOf(in.getHeader(Exchange.HTTP_METHOD)).toUpperCase(Locale.ROOT);
        String path = path(in);
        if (path.equals("/") && method.equals("GET")) {
            answer(exchange, 200, ApiAnswers.detail("It works!"));
        } else if (path.equals("/datapoints") && method.equals("POST")) {
            datapoints(exchange);
        } else if (path.startsWith("/control/") && method.equals("GET")) {
            ControlRequests.Outcome outcome = control.read(path.substring("/control/".length()), in);
            if (outcome.message() != null) {
                in.setBody(outcome.message());
                exchange.setProperty(ACTION, "control");
            } else {
                answer(exchange, outcome.status(), outcome.answer());
            }
        } else if (path.equals("/") || path.equals("/datapoints") || path.startsWith("/control/")) {
            // a path this route serves, with another method: FastAPI's answer
            answer(exchange, 405, ApiAnswers.detail("Method Not Allowed"));
        } else if ((path.startsWith("/entity/") || path.startsWith("/v2/entity/"))
                && entityTask(exchange, method, path)) {
            return;
        } else if (upstream != null) {
            upstream.forward(exchange);
        } else {
            answer(exchange, 404, ApiAnswers.detail("Not Found: " + method + " " + path
                    + " is not served here (reads need DP3's"
                    + " database); set the property dp3.api.upstream to the URL of DP3's API to forward it there"));
        }
    }

    /** An entity endpoint that publishes (set, ttl, delete): {@code true} when this request was one of them. */
    private boolean entityTask(Exchange exchange, String method, String path) {
        try {
            ValidatedTask task = entities.read(method, path, exchange.getMessage(), client(exchange));
            if (task == null) {
                return false;
            }
            exchange.getMessage().setBody(task.message());
            exchange.setProperty(ACTION, "task");
        } catch (ApiEntities.ParameterRefused e) {
            refuse(exchange, 422, e.answer(),
                    String.join(".", e.loc().stream().map(String::valueOf).toList()) + ": " + e.getMessage(),
                    List.of(EntityRequests.refusal(path, exchange.getMessage(), "value_error")));
        } catch (RefusedTaskException e) {
            e.described().forEach(line -> badLog.write(client(exchange), line));
            refused(exchange, e.problems().stream()
                    .map(p -> EntityRequests.refusal(path, exchange.getMessage(), p.type())).toList());
            answer(exchange, 422, ApiAnswers.unprocessable(e.problems()));
        }
        return true;
    }

    /**
     * {@code POST /datapoints}: the body parsed as DP3's API parses it; validation is the producer's ({@code
     * input=api}).
     */
    private void datapoints(Exchange exchange) {
        Message in = exchange.getMessage();
        String type = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        byte[] body = in.getBody(byte[].class);
        if (body != null && body.length > 0 && !isJson(type)) {
            refuse(exchange, 422, ApiAnswers.unprocessable(List.of(JsonErrors.notJsonContent(body))),
                    "content type " + type, List.of(new Refusal("the request", null, null, null, null, "list_type")));
            return;
        }
        if (body == null || body.length == 0) {
            in.setBody(NullNode.getInstance());
        } else {
            try {
                in.setBody(JsonValues.parseAsPython(body));
            } catch (JsonValues.JsonInvalidException e) {
                JsonErrors.Outcome outcome = JsonErrors.of(body);
                refuse(exchange, outcome.status(), outcome.answer(), outcome.logLine(), outcome.status() != 422
                        ? List.of() : List.of(new Refusal("the request", null, null, null, null, "json_invalid")));
                return;
            }
        }
        exchange.setProperty(ACTION, "datapoints");
    }

    /**
     * FastAPI reads a body as JSON with no content type or a JSON one ({@code application/json}, {@code
     * application/*+json}).
     */
    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    }

    /** After the producer confirmed every task of the request. */
    public void published(Exchange exchange) {
        boolean isControl = "control".equals(exchange.getProperty(ACTION));
        answer(exchange, 200, ApiAnswers.detail(isControl ? "Action sent." : "OK"));
    }

    /** After the producer refused or could not confirm the request's tasks. */
    public void failed(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.setException(null);
        if (error instanceof RefusedTaskException refused && !refused.problems().isEmpty()) {
            refused.described().forEach(line -> badLog.write(client(exchange), line));
            answer(exchange, 422, ApiAnswers.unprocessable(refused.problems()));
            return;
        }
        if (error instanceof InvalidTaskException invalid) {
            // counted by the producer that refused it (input=api)
            refuse(exchange, 422,
                    ApiAnswers.unprocessable(List.of(JsonErrors.problem("value_error", invalid.getMessage()))),
                    invalid.getMessage(), List.of());
            return;
        }
        Integer confirmed = exchange.getMessage().getHeader(TaskQueueConstants.PUBLISHED_COUNT, Integer.class);
        String reason = error == null ? "unknown error" : error.getMessage();
        LOG.warn("POST from {}: publishing failed: {}", client(exchange), reason);
        answer(exchange, 503,
                ApiAnswers.detail("The task queue did not confirm the request's tasks (" + (confirmed == null ? 0
                        : confirmed) + " of them were confirmed before): " + reason));
    }

    private void refuse(Exchange exchange, int status, byte[] answer, String why, List<Refusal> refusals) {
        badLog.write(client(exchange), why);
        refused(exchange, refusals);
        answer(exchange, status, answer);
    }

    /** Counted with the refusals of the application's endpoints (the dev console, dp3.taskqueue.refused). */
    private void refused(Exchange exchange, List<Refusal> refusals) {
        if (!refusals.isEmpty()) {
            exchange.getContext().getComponent("dp3-taskqueue", TaskQueueComponent.class).refusals(application)
                    .record(Refusals.Side.API, refusals);
        }
    }

    private static String path(Message in) {
        String path = in.getHeader(Exchange.HTTP_PATH, String.class);
        if (path == null || path.isEmpty()) {
            return "/";
        }
        path = path.startsWith("/") ? path : "/" + path;
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    static String client(Exchange exchange) {
        Object address = exchange.getMessage().getHeader(REMOTE_ADDRESS);
        if (address instanceof SocketAddress socket) {
            return socket.hostAddress() != null ? socket.hostAddress() : socket.host();
        }
        return address == null ? "unknown" : address.toString();
    }

    static void answer(Exchange exchange, int status, byte[] body) {
        answer(exchange, status, body, "application/json");
    }

    static void answer(Exchange exchange, int status, byte[] body, String contentType) {
        Message out = exchange.getMessage();
        out.getHeaders().clear(); // removeHeaders("*", exclude) compiled a regex per request
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, contentType);
        out.setBody(body);
        exchange.setProperty(ACTION, "answered");
    }
}
