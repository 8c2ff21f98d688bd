package org.issuetracker.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations the live OpenAPI document declares, with what a hostile client can vary in each: path and query
 * parameters, and the fields of a JSON body or a binary one. Read from {@code /openapi} so that an endpoint added
 * later is swept without anyone listing it.
 */
record ApiOperations(List<Operation> all) {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One operation; {@code body} is "json", "zip" (any binary type) or null, {@code fields} name → JSON type. */
    record Operation(
            String method,
            String path,
            List<String> pathParameters,
            List<String> queryParameters,
            String body,
            Map<String, String> fields) {

        String key() {
            return method + " " + path;
        }

        boolean isWrite() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }

        boolean isAdmin() {
            return path.startsWith("/api/admin/") || path.startsWith("/api/users");
        }
    }

    static ApiOperations parse(String openApiJson) {
        JsonObject document = Json.createReader(new StringReader(openApiJson)).readObject();
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        List<Operation> operations = new ArrayList<>();
        document.getJsonObject("paths").forEach((path, item) -> {
            JsonObject pathItem = item.asJsonObject();
            for (String method : METHODS) {
                if (pathItem.containsKey(method)) {
                    operations.add(operation(method, path, pathItem, pathItem.getJsonObject(method), schemas));
                }
            }
        });
        return new ApiOperations(List.copyOf(operations));
    }

    private static Operation operation(
            String method, String path, JsonObject pathItem, JsonObject operation, JsonObject schemas) {
        List<String> pathParameters = new ArrayList<>();
        List<String> queryParameters = new ArrayList<>();
        List<JsonValue> parameters = new ArrayList<>();
        if (pathItem.containsKey("parameters")) {
            parameters.addAll(pathItem.getJsonArray("parameters"));
        }
        if (operation.containsKey("parameters")) {
            parameters.addAll(operation.getJsonArray("parameters"));
        }
        for (JsonValue value : parameters) {
            JsonObject parameter = value.asJsonObject();
            switch (parameter.getString("in", "")) {
                case "path" -> pathParameters.add(parameter.getString("name"));
                case "query" -> queryParameters.add(parameter.getString("name"));
                default -> {
                    /* headers and cookies are swept for every operation alike */
                }
            }
        }
        String body = null;
        Map<String, String> fields = new LinkedHashMap<>();
        if (operation.containsKey("requestBody")) {
            JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
            if (content.containsKey("application/json")) {
                body = "json";
                fields.putAll(fields(content.getJsonObject("application/json"), schemas));
            } else {
                body = "zip";
            }
        }
        return new Operation(
                method.toUpperCase(Locale.ROOT),
                path,
                List.copyOf(pathParameters),
                List.copyOf(queryParameters),
                body,
                Map.copyOf(fields));
    }

    private static Map<String, String> fields(JsonObject mediaType, JsonObject schemas) {
        Map<String, String> fields = new LinkedHashMap<>();
        JsonObject schema = resolve(mediaType.getJsonObject("schema"), schemas);
        if (schema != null && schema.containsKey("properties")) {
            schema.getJsonObject("properties").forEach((name, property) -> {
                JsonObject resolved = resolve(property.asJsonObject(), schemas);
                fields.put(name, resolved == null ? "string" : resolved.getString("type", "string"));
            });
        }
        return fields;
    }

    private static JsonObject resolve(JsonObject schema, JsonObject schemas) {
        if (schema == null || !schema.containsKey("$ref")) {
            return schema;
        }
        String ref = schema.getString("$ref");
        return schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
