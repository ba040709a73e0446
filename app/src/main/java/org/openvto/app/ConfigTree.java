package org.openvto.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openvto.config.ConfigException;

/**
 * The merged configuration as dotted keys → text values: the built-in {@code defaults.yaml}, then
 * the user file, then environment variables ({@code OPENVTO_HTTP_PORT} for {@code http.port}).
 * Only keys present in the defaults exist; anything else is an error naming the key. Typed getters
 * name the key and the expected form on failure. Immutable after construction.
 */
final class ConfigTree {
    static final String DEFAULTS = "/openvto/defaults.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, String> values;

    private ConfigTree(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Loads defaults, overlays {@code userFile} (may be null) and {@code env}, and adds {@code portOffset} to every port. */
    static ConfigTree load(Path userFile, Map<String, String> env, int portOffset) {
        Map<String, String> merged = new LinkedHashMap<>();
        try (InputStream in = ConfigTree.class.getResourceAsStream(DEFAULTS)) {
            flatten("", YAML.readTree(in), merged, "defaults");
        } catch (IOException e) {
            throw new IllegalStateException("built-in defaults unreadable", e);
        }
        if (userFile != null) {
            Map<String, String> user = new LinkedHashMap<>();
            try {
                JsonNode root = YAML.readTree(Files.readString(userFile));
                if (root != null && !root.isMissingNode() && !root.isNull()) {
                    flatten("", root, user, userFile.toString());
                }
            } catch (IOException e) {
                throw new ConfigException(userFile.toString(), "cannot read configuration file: " + firstLine(e));
            }
            for (var entry : user.entrySet()) {
                if (!merged.containsKey(entry.getKey())) {
                    throw new ConfigException(
                            entry.getKey(),
                            "unknown setting in " + userFile + " (see the documented defaults file for every key)");
                }
                merged.put(entry.getKey(), entry.getValue());
            }
        }
        for (String key : merged.keySet()) {
            String value = env.get(envName(key));
            if (value != null) {
                merged.put(key, value);
            }
        }
        if (portOffset != 0) {
            for (var entry : merged.entrySet()) {
                if (isPort(entry.getKey()) && !entry.getValue().equals("0")) { // 0: any free port, stays so
                    ConfigTree single = new ConfigTree(Map.of(entry.getKey(), entry.getValue()));
                    entry.setValue(String.valueOf(single.integer(entry.getKey()) + portOffset));
                }
            }
        }
        return new ConfigTree(merged);
    }

    static String envName(String key) {
        return "OPENVTO_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static boolean isPort(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        return last.equals("port") || last.endsWith("-port");
    }

    String string(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new ConfigException(key, "missing");
        }
        return value;
    }

    int integer(String key) {
        String value = string(key).strip();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "must be a whole number (was '" + value + "')");
        }
    }

    boolean bool(String key) {
        String value = string(key).strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(key, "must be true or false (was '" + value + "')");
        };
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, String source) {
        if (node.isObject()) {
            for (var it = node.properties().iterator(); it.hasNext(); ) {
                var field = it.next();
                flatten(
                        prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
                        field.getValue(),
                        out,
                        source);
            }
        } else if (node.isValueNode()) {
            out.put(prefix, node.isNull() ? "" : node.asText());
        } else {
            throw new ConfigException(prefix, "lists are not supported here (in " + source + ")");
        }
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
