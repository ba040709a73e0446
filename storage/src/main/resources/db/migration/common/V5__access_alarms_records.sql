-- Access control (Household Setting › People), the unlock, call and alarm records, and the centre's outbox.
-- Times are epoch milliseconds (BIGINT) as in every table; booleans are BOOLEAN (an integer 0/1 in SQLite).

CREATE TABLE person (
    id       ${identity_pk},
    room     VARCHAR(16) NOT NULL,
    name     VARCHAR(64) NOT NULL,
    schedule TEXT NOT NULL
);
CREATE INDEX person_room_name ON person (room, name);

-- Every credential of every person in one table, found by the keyed digest of the card number, fingerprint
-- template or PIN (CredentialDigests). The unique index on the digest is what makes a card, a fingerprint or a
-- PIN impossible to hold twice: by two people, or as one person's PIN and duress PIN. Card numbers and templates
-- are kept only sealed with the device key (secret); PINs only as their digest (secret NULL).
CREATE TABLE credential (
    id          ${identity_pk},
    person_id   BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind        VARCHAR(12) NOT NULL CHECK (kind IN ('card', 'pin', 'duress-pin', 'fingerprint')),
    digest      VARCHAR(64) NOT NULL,
    secret      TEXT,
    card_kind   VARCHAR(8),
    card_status VARCHAR(8),
    valid_from  VARCHAR(10),
    valid_to    VARCHAR(10),
    label       VARCHAR(64),
    enrolled_at BIGINT
);
CREATE UNIQUE INDEX credential_digest ON credential (digest);
CREATE INDEX credential_person ON credential (person_id, kind, id);
-- at most one PIN and one duress PIN per person
CREATE UNIQUE INDEX credential_one_pin ON credential (person_id, kind) WHERE kind IN ('pin', 'duress-pin');

-- The record tables share a shape: at (the record's time), id, and the three filter columns (type, room, result)
-- indexed together with the time order, so a filtered newest-first page is one backward index range scan and a
-- count one index range: (room, at, id, type, result) serves any search naming a room (a room is selective:
-- JdbcRecordStore steers SQLite to it; the trailing type and result let the index alone decide which rows
-- match), (type, result, at, id) the two low-cardinality filters together.
CREATE TABLE unlock_record (
    id         ${identity_pk},
    at         BIGINT NOT NULL,
    method     VARCHAR(16) NOT NULL,
    room       VARCHAR(16) NOT NULL,
    result     VARCHAR(8) NOT NULL CHECK (result IN ('granted', 'refused')),
    refusal    VARCHAR(32),
    person     VARCHAR(64) NOT NULL,
    person_id  BIGINT NOT NULL,
    credential VARCHAR(64) NOT NULL,
    lock_no    INTEGER NOT NULL,
    duress     BOOLEAN NOT NULL
);
CREATE INDEX unlock_record_at ON unlock_record (at, id);
CREATE INDEX unlock_record_method_at ON unlock_record (method, at, id);
CREATE INDEX unlock_record_room_at ON unlock_record (room, at, id, method, result);
CREATE INDEX unlock_record_result_at ON unlock_record (result, at, id);
CREATE INDEX unlock_record_method_result_at ON unlock_record (method, result, at, id);
-- deleting a person blanks their name in these records (privacy)
CREATE INDEX unlock_record_person ON unlock_record (person_id);

CREATE TABLE call_record (
    id          ${identity_pk},
    at          BIGINT NOT NULL,
    direction   VARCHAR(8) NOT NULL,
    peer        VARCHAR(32) NOT NULL,
    room        VARCHAR(16) NOT NULL,
    outcome     VARCHAR(10) NOT NULL,
    answered_by VARCHAR(32) NOT NULL,
    talk_ms     BIGINT NOT NULL,
    emergency   BOOLEAN NOT NULL
);
CREATE INDEX call_record_at ON call_record (at, id);
CREATE INDEX call_record_direction_at ON call_record (direction, at, id);
CREATE INDEX call_record_room_at ON call_record (room, at, id, direction, outcome);
CREATE INDEX call_record_outcome_at ON call_record (outcome, at, id);
CREATE INDEX call_record_direction_outcome_at ON call_record (direction, outcome, at, id);

-- at: when the alarm was raised
CREATE TABLE alarm (
    id              ${identity_pk},
    at              BIGINT NOT NULL,
    alarm_type      VARCHAR(16) NOT NULL,
    state           VARCHAR(12) NOT NULL,
    room            VARCHAR(16) NOT NULL,
    detail          VARCHAR(500) NOT NULL,
    delivered_at    BIGINT,
    acknowledged_at BIGINT,
    acknowledged_by VARCHAR(64) NOT NULL,
    cleared_at      BIGINT,
    condition_ended BOOLEAN NOT NULL
);
CREATE INDEX alarm_at ON alarm (at, id);
CREATE INDEX alarm_type_at ON alarm (alarm_type, at, id);
CREATE INDEX alarm_room_at ON alarm (room, at, id, alarm_type, state);
CREATE INDEX alarm_state_at ON alarm (state, at, id);
CREATE INDEX alarm_type_state_at ON alarm (alarm_type, state, at, id);

-- The centre's persistent outbox: each destination takes its undelivered messages in id order.
CREATE TABLE outbox (
    id           ${identity_pk},
    destination  VARCHAR(32) NOT NULL,
    message_key  VARCHAR(128) NOT NULL,
    topic        VARCHAR(128) NOT NULL,
    body         TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    attempts     INTEGER NOT NULL CHECK (attempts >= 0),
    next_attempt BIGINT NOT NULL,
    last_error   VARCHAR(500) NOT NULL,
    delivered_at BIGINT
);
CREATE INDEX outbox_undelivered ON outbox (destination, id) WHERE delivered_at IS NULL;
CREATE INDEX outbox_undelivered_key ON outbox (message_key) WHERE delivered_at IS NULL;
CREATE INDEX outbox_delivered ON outbox (delivered_at) WHERE delivered_at IS NOT NULL;
