-- Organizations, groups, users, memberships, sessions and the generated signing key.
-- Portable SQL: the same script runs on H2 2.x and PostgreSQL 15+.
-- Names are limited to 200 Unicode code points in the code. H2 counts VARCHAR lengths in
-- UTF-16 units, up to two per code point, so name columns are VARCHAR(400).

CREATE TABLE organizations (
    id          UUID PRIMARY KEY,
    name        VARCHAR(400) NOT NULL,
    plan        VARCHAR(40) NOT NULL,
    active      BOOLEAN NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE organization_groups (
    id               UUID PRIMARY KEY,
    organization_id  UUID NOT NULL REFERENCES organizations (id),
    name             VARCHAR(400) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT organization_groups_name_unique UNIQUE (organization_id, name)
);

-- email keeps the address as entered (trimmed, NFKC); email_lookup_key is its lower-case form,
-- unique across all organizations because a login names no organization.
CREATE TABLE users (
    id                UUID PRIMARY KEY,
    organization_id   UUID NOT NULL REFERENCES organizations (id),
    email             VARCHAR(254) NOT NULL,
    email_lookup_key  VARCHAR(254) NOT NULL,
    name              VARCHAR(400) NOT NULL,
    password_hash     VARCHAR(255),
    is_admin          BOOLEAN NOT NULL,
    active            BOOLEAN NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_email_lookup_key_unique UNIQUE (email_lookup_key)
);

CREATE INDEX users_organization_id ON users (organization_id);

CREATE TABLE memberships (
    user_id     UUID NOT NULL REFERENCES users (id),
    group_id    UUID NOT NULL REFERENCES organization_groups (id),
    role        VARCHAR(20) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, group_id),
    CONSTRAINT memberships_role_known CHECK (role IN ('MANAGER', 'USER'))
);

CREATE INDEX memberships_group_id ON memberships (group_id);

-- One row per login. refresh_token_hash is the hex SHA-256 of the id of the one refresh token
-- that is currently valid. Spending that token replaces the hash in a single conditional UPDATE.
CREATE TABLE sessions (
    id                  UUID PRIMARY KEY,
    user_id             UUID NOT NULL REFERENCES users (id),
    organization_id     UUID NOT NULL REFERENCES organizations (id),
    refresh_token_hash  CHAR(64) NOT NULL,
    refresh_expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_refreshed_at   TIMESTAMP WITH TIME ZONE,
    revoked_at          TIMESTAMP WITH TIME ZONE,
    revocation_reason   VARCHAR(40)
);

CREATE INDEX sessions_user_id ON sessions (user_id);

-- The HS256 secret generated when none is configured. The unique slot allows one row, so
-- instances that start together on an empty table cannot store two different keys.
CREATE TABLE signing_keys (
    key_id      VARCHAR(64) PRIMARY KEY,
    slot        SMALLINT DEFAULT 1 NOT NULL,
    secret      VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT signing_keys_single_slot UNIQUE (slot),
    CONSTRAINT signing_keys_slot_one CHECK (slot = 1)
);
