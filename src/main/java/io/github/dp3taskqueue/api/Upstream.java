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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Forwards a request this route does not serve (reads need DP3's database) to DP3's own API, and
 * answers with what it answered: status, body and content type. Bounded: a DP3 API that does not
 * answer in time gets 504, one that cannot be reached 502.
 */
public final class Upstream {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "transfer-encoding",
            "keep-alive", "upgrade", "expect");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Upstream(String base) {
        this.base = base.replaceAll("/+$", "");
    }

    public void forward(Exchange exchange) {
        Message in = exchange.getMessage();
        String method = String.valueOf(in.getHeader(Exchange.HTTP_METHOD)).toUpperCase(Locale.ROOT);
        String path = in.getHeader(Exchange.HTTP_PATH, String.class);
        String query = in.getHeader(Exchange.HTTP_QUERY, String.class);
        URI target = URI.create(base + (path == null || path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path)
                + (query == null || query.isEmpty() ? "" : "?" + query));
        byte[] body = in.getBody(byte[].class);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, Object> header : in.getHeaders().entrySet()) {
            String name = header.getKey();
            if (!name.startsWith("Camel") && !NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))
                    && header.getValue() != null
                    && name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
                try {
                    request.header(name, header.getValue().toString());
                } catch (IllegalArgumentException restricted) {
                    // a header the JDK client sets itself
                }
            }
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Dp3Api.answer(exchange, response.statusCode(), response.body(),
                    response.headers().firstValue("content-type").orElse("application/json"));
        } catch (HttpTimeoutException e) {
            Dp3Api.answer(exchange, 504,
                    ApiAnswers.detail("DP3's API at " + base + " did not answer within " + TIMEOUT.toSeconds() + " s"));
        } catch (IOException e) {
            Dp3Api.answer(exchange, 502,
                    ApiAnswers.detail("DP3's API at " + base + " cannot be reached: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Dp3Api.answer(exchange, 503, ApiAnswers.detail("interrupted while forwarding to DP3's API"));
        }
    }
}
