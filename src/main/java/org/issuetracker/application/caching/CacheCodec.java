package org.issuetracker.application.caching;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;

/**
 * Turns cached values into JSON and back. JSON rather than Java serialization: entries stay readable with
 * {@code redis-cli}, survive a redeployment (no class-loader identity in them) and cannot carry gadget chains.
 */
@ApplicationScoped
public class CacheCodec {

    private final Jsonb jsonb = JsonbBuilder.create();

    public String write(Object value) {
        return jsonb.toJson(value);
    }

    public Object read(String json, Type type) {
        return jsonb.fromJson(json, type);
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing is left to release if closing fails
        }
    }
}
