package org.openvto.household;

/**
 * A service a configuration change may have to restart ({@link ConfigChanged#restart()}): each supervisor
 * subscribes and restarts its own. The token is how the REST API names it ({@code "restart": ["http"]}).
 */
public enum Service {
    HTTP("http"),
    HTTPS("https"),
    RTSP("rtsp"),
    SIP("sip");

    private final String token;

    Service(String token) {
        this.token = token;
    }

    /** The name in API answers: {@code http}, {@code https}, {@code rtsp}, {@code sip}. */
    public String token() {
        return token;
    }
}
