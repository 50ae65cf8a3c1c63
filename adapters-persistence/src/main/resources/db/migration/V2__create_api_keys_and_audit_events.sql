-- API keys and the audit log. Portable SQL: the same script runs on H2 2.x and PostgreSQL 15+.

-- The operator's contract limit of API keys an organization may have active at once.
ALTER TABLE organizations ADD COLUMN api_key_limit INTEGER DEFAULT 5 NOT NULL;

-- lookup_id is the public part of a key, indexed so that verifying a key reads one row.
-- secret_hash is the hex SHA-256 of the whole key; the key itself is never stored.
-- created_by_user_id is empty for a key the operator issued on the command line.
-- A rotated key has rotated_at set and its expires_at moved to the end of the grace period.
CREATE TABLE api_keys (
    id                  UUID PRIMARY KEY,
    organization_id     UUID NOT NULL REFERENCES organizations (id),
    group_id            UUID NOT NULL REFERENCES organization_groups (id),
    name                VARCHAR(400) NOT NULL,
    environment         VARCHAR(10) NOT NULL,
    lookup_id           VARCHAR(20) NOT NULL,
    secret_hash         CHAR(64) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_user_id  UUID REFERENCES users (id),
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at        TIMESTAMP WITH TIME ZONE,
    rotated_at          TIMESTAMP WITH TIME ZONE,
    revoked_at          TIMESTAMP WITH TIME ZONE,
    replaces_key_id     UUID REFERENCES api_keys (id),
    CONSTRAINT api_keys_lookup_id_unique UNIQUE (lookup_id),
    CONSTRAINT api_keys_environment_known CHECK (environment IN ('live', 'test'))
);

CREATE INDEX api_keys_organization_created ON api_keys (organization_id, created_at, id);

-- Append-only. organization_id is empty for events no organization can be named for, such as
-- a request with an unknown API key. details is a JSON object of strings.
CREATE TABLE audit_events (
    id               UUID PRIMARY KEY,
    organization_id  UUID REFERENCES organizations (id),
    event_type       VARCHAR(60) NOT NULL,
    actor_kind       VARCHAR(20) NOT NULL,
    actor_id         VARCHAR(64),
    target_id        VARCHAR(64),
    client_ip        VARCHAR(64),
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    details          VARCHAR(4000) NOT NULL
);

CREATE INDEX audit_events_organization_time ON audit_events (organization_id, occurred_at, id);
