-- TOTP multi-factor authentication: enrolments, recovery codes, login challenges, and the
-- encryption key generated when none is configured.
-- Portable SQL: the same script runs on H2 2.x and PostgreSQL 15+.

-- One authenticator per user. encrypted_secret is AES-256-GCM ciphertext in base64, never the
-- secret itself. confirmed_at stays NULL while enrolment is pending. last_used_step is the
-- latest RFC 6238 time step whose code was accepted. Only later steps are accepted after it.
CREATE TABLE totp_enrolments (
    user_id           UUID PRIMARY KEY REFERENCES users (id),
    id                UUID NOT NULL,
    encrypted_secret  VARCHAR(200) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at      TIMESTAMP WITH TIME ZONE,
    last_used_step    BIGINT
);

-- code_hash is the hex SHA-256 of the normalized code. A code is spent by setting used_at.
CREATE TABLE recovery_codes (
    user_id    UUID NOT NULL REFERENCES users (id),
    code_hash  CHAR(64) NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (user_id, code_hash)
);

-- token_hash is the hex SHA-256 of the MFA token a login returned. attempts counts the codes
-- checked against it, right or wrong.
CREATE TABLE mfa_challenges (
    token_hash  CHAR(64) PRIMARY KEY,
    user_id     UUID NOT NULL REFERENCES users (id),
    attempts    INTEGER DEFAULT 0 NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    spent_at    TIMESTAMP WITH TIME ZONE
);

CREATE INDEX mfa_challenges_expires_at ON mfa_challenges (expires_at);

-- The AES-256 key generated when ANYCHECK_MFA_ENCRYPTION_KEY is not set. Like signing_keys,
-- the unique slot allows one row, so instances that start together store one key.
CREATE TABLE mfa_encryption_keys (
    slot        SMALLINT DEFAULT 1 NOT NULL,
    secret      VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mfa_encryption_keys_single_slot UNIQUE (slot),
    CONSTRAINT mfa_encryption_keys_slot_one CHECK (slot = 1)
);
