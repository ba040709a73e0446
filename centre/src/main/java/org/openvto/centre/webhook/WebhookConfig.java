package org.openvto.centre.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import org.openvto.config.ConfigChecks;
import org.openvto.config.ConfigException;

/**
 * Where the HTTP webhook posts, with what key it signs and how long one attempt may take (keys {@code
 * centre.webhook.*}). Checked on construction: each problem is a {@link ConfigException} naming the key. Immutable;
 * {@link #toString} never shows the secret.
 *
 * @param url     the centre's endpoint, an absolute {@code http} or {@code https} URL with a host and no user
 *                information ({@code centre.webhook.url})
 * @param secret  the HMAC-SHA256 key shared with the centre, at least {@value #MIN_SECRET_LENGTH} characters,
 *                used as its UTF-8 bytes ({@code centre.webhook.secret})
 * @param timeout the most one attempt takes, connecting included ({@code centre.webhook.timeout-ms},
 *                {@value #MIN_TIMEOUT_MS}–{@value #MAX_TIMEOUT_MS} ms)
 */
public record WebhookConfig(URI url, String secret, Duration timeout) {
    public static final int MIN_SECRET_LENGTH = 16;
    public static final int MIN_TIMEOUT_MS = 100;
    public static final int MAX_TIMEOUT_MS = 60_000;

    public WebhookConfig {
        if (url == null) {
            throw new ConfigException("centre.webhook.url", "must not be empty");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new ConfigException("centre.webhook.url", "must be an http:// or https:// URL (was " + url + ")");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new ConfigException("centre.webhook.url", "must name a host (was " + url + ")");
        }
        if (url.getRawUserInfo() != null) {
            throw new ConfigException(
                    "centre.webhook.url", "must not carry a user name or password: requests are signed instead");
        }
        ConfigChecks.notBlank("centre.webhook.secret", secret);
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new ConfigException(
                    "centre.webhook.secret",
                    "must be at least " + MIN_SECRET_LENGTH + " characters (was " + secret.length() + ")");
        }
        if (timeout == null) {
            throw new ConfigException("centre.webhook.timeout-ms", "must not be empty");
        }
        ConfigChecks.inRange(
                "centre.webhook.timeout-ms",
                (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE),
                MIN_TIMEOUT_MS,
                MAX_TIMEOUT_MS);
    }

    /** From the configuration's text values: {@code url} is parsed here, so a malformed one names its key too. */
    public static WebhookConfig of(String url, String secret, int timeoutMs) {
        ConfigChecks.notBlank("centre.webhook.url", url);
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new ConfigException("centre.webhook.url", "is not a URL: " + e.getMessage());
        }
        return new WebhookConfig(uri, secret, Duration.ofMillis(timeoutMs));
    }

    @Override
    public String toString() {
        return "WebhookConfig[url=" + url + ", secret=(" + secret.length() + " characters), timeout=" + timeout + "]";
    }
}
