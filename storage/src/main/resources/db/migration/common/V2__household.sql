-- Household Setting: VTO No. Management (Table 4-2) and Room No. Management (Table 4-3).
-- Secret columns hold values encrypted with the device key.
CREATE TABLE vto (
    rec_no            VARCHAR(5) PRIMARY KEY,
    register_password TEXT NOT NULL,
    building_no       VARCHAR(3) NOT NULL,
    unit_no           VARCHAR(2) NOT NULL,
    ip_address        VARCHAR(15) NOT NULL,
    username          VARCHAR(32) NOT NULL,
    password          TEXT NOT NULL
);

CREATE TABLE room (
    room_no           VARCHAR(6) NOT NULL,
    device_index      INTEGER NOT NULL,
    first_name        VARCHAR(32) NOT NULL,
    last_name         VARCHAR(32) NOT NULL,
    nick_name         VARCHAR(32) NOT NULL,
    register_type     VARCHAR(8) NOT NULL,
    register_password TEXT NOT NULL,
    PRIMARY KEY (room_no, device_index)
);
