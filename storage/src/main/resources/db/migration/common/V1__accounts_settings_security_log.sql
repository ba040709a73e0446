-- Device settings (key/value), accounts, login locks and the security log.
-- Written once for every vendor; ${identity_pk} is set per vendor in Database.java.
CREATE TABLE setting (
    setting_key   VARCHAR(100) PRIMARY KEY,
    setting_value TEXT NOT NULL
);

CREATE TABLE account (
    username            VARCHAR(32) PRIMARY KEY,
    user_group          VARCHAR(16) NOT NULL,
    password_hash       TEXT NOT NULL,
    digest_secrets      TEXT NOT NULL,
    email               VARCHAR(254),
    created_at          BIGINT NOT NULL,
    password_changed_at BIGINT NOT NULL
);

CREATE TABLE login_lock (
    lock_key     VARCHAR(120) PRIMARY KEY,
    failures     INTEGER NOT NULL,
    locked_until BIGINT
);

CREATE TABLE security_log (
    id       ${identity_pk},
    at       BIGINT NOT NULL,
    event    VARCHAR(40) NOT NULL,
    username VARCHAR(64),
    source   VARCHAR(64),
    detail   TEXT
);
CREATE INDEX security_log_at ON security_log (at);
