-- The transaction id (branch, sent-by, method) of the REGISTER that last refreshed each binding: the registrar
-- answers that REGISTER's retransmissions from the binding instead of keeping 32 s of transaction state per
-- REGISTER (RFC 3261 §8.2.7, §17.2.3). NULL for bindings stored before this version.
ALTER TABLE sip_binding ADD COLUMN register_id VARCHAR(256);
