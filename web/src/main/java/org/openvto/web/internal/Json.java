package org.openvto.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.openvto.validation.FieldError;

/** JSON responses of the REST API, written with Jackson; errors always have the same shape. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            // events carry Optional fields (an alarm's deliveredAt): a value or null on the event stream
            .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {}

    public static void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass(), e);
        }
    }

    public static void error(Context ctx, int status, String message) {
        send(ctx, status, Map.of("error", message));
    }

    /** {@code 400 {"error": "validation failed", "errors": [{"field": …, "message": …}]}}. */
    public static void invalid(Context ctx, List<FieldError> errors) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("error", "validation failed");
        body.put("errors", errors);
        send(ctx, 400, body);
    }

    /** The request body as a JSON object; a missing or malformed body is answered with 400 and halts. */
    public static ObjectNode body(Context ctx) {
        try {
            JsonNode node = MAPPER.readTree(ctx.body());
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // fall through to the 400 below: malformed input is data, not a crash
        }
        throw new Halt(c -> error(c, 400, "request body must be a JSON object"));
    }

    /** A text field of {@code body}, or {@code null} when absent or not text. */
    public static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
