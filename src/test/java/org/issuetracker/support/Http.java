package org.issuetracker.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small HTTP client for one deployment, always on 127.0.0.1 (Arquillian hands out the host's address), keeping
 * cookies like a browser and never following redirects by itself.
 */
public final class Http {

    private final HttpClient client;
    private final URI app;
    private final URI server;
    private final String authorization;

    public Http(URL deployment) {
        this(newClient(), URI.create(deployment.toString()), null);
    }

    private Http(HttpClient client, URI deployment, String authorization) {
        this.client = client;
        String scheme = "https".equals(deployment.getScheme()) ? "https" : "http";
        this.app = URI.create(scheme + "://127.0.0.1:" + deployment.getPort() + deployment.getPath());
        this.server = URI.create(scheme + "://127.0.0.1:" + deployment.getPort() + "/");
        this.authorization = authorization;
    }

    /** A client of its own over HTTPS ({@code deployment} an https URL), trusting what {@code trust} trusts. */
    public static Http overTls(URL deployment, javax.net.ssl.SSLContext trust) {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .sslContext(trust)
                .build();
        return new Http(client, URI.create(deployment.toString()), null);
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A client of its own (no cookies) for the same deployment, signed in with HTTP Basic as API clients are. */
    public Http as(String username, String password) {
        String credentials = java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Http(newClient(), app, "Basic " + credentials);
    }

    /** A client of its own (no cookies) for the same deployment, sending a personal API token as integrations do. */
    public Http withToken(String token) {
        return new Http(newClient(), app, "Bearer " + token);
    }

    /**
     * The same client (its cookies, so the same session) talking to another deployment of the application, as a
     * browser does when a load balancer sends its next request to another instance.
     */
    public Http at(URL deployment) {
        return new Http(client, URI.create(deployment.toString()), authorization);
    }

    public HttpResponse<String> put(String path, String json, String... headers) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)),
                headers);
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public HttpResponse<String> postEmpty(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The Cookie header this client sends to the application, for requests made by other means ({@link RawHttp}). */
    public String cookieHeader() {
        try {
            return String.join(
                    "; ",
                    client.cookieHandler()
                            .orElseThrow()
                            .get(app, Map.of())
                            .getOrDefault("Cookie", java.util.List.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path of the application ("api/issues"), or of the server when it starts with a slash ("/health"). */
    public URI uri(String path) {
        return path.startsWith("/") ? server.resolve(path.substring(1)) : app.resolve(path);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(toLoopback(uri)).GET());
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                headers);
    }

    /** A binary body (a backup archive) of the given type. */
    public HttpResponse<String> postBytes(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A POST without a body whose answer is binary (a backup archive). */
    public HttpResponse<byte[]> postForBytes(String path) {
        return send(
                HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", body, headers);
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        return send(request, HttpResponse.BodyHandlers.ofString(), headers);
    }

    private <T> HttpResponse<T> send(
            HttpRequest.Builder request, HttpResponse.BodyHandler<T> answer, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Redirects and {@code Location} headers name the host the server saw; keep talking to loopback. */
    public URI toLoopback(URI uri) {
        return URI.create(server.getScheme() + "://127.0.0.1:" + server.getPort() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** A JSON object of strings, string lists, booleans and nulls. */
    public static String jsonBody(Map<String, ?> fields) {
        var builder = Json.createObjectBuilder();
        fields.forEach((name, value) -> {
            if (value == null) {
                builder.addNull(name);
            } else if (value instanceof java.util.Collection<?> values) {
                var array = Json.createArrayBuilder();
                values.forEach(v -> array.add(String.valueOf(v)));
                builder.add(name, array);
            } else if (value instanceof Boolean flag) {
                builder.add(name, flag);
            } else {
                builder.add(name, value.toString());
            }
        });
        return builder.build().toString();
    }

    public static jakarta.json.JsonArray jsonArray(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
