-- Registrations of the building SIP server (RFC 3261 §10.3), so they survive a restart.
CREATE TABLE sip_binding (
    user_name  VARCHAR(16) NOT NULL,
    contact    VARCHAR(512) NOT NULL,
    source     VARCHAR(64) NOT NULL,
    transport  VARCHAR(8) NOT NULL,
    user_agent VARCHAR(128),
    call_id    VARCHAR(256) NOT NULL,
    cseq       BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (user_name, contact)
);
