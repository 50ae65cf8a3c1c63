-- Failed-login counts and the places users and API keys were seen. Portable SQL: the same
-- script runs on H2 2.x and PostgreSQL 15+.

-- One row per counted scope: an email from one client network, an email from anywhere, or a
-- client network. Keys are SHA-256 digests (hex), so emails that were only tried are not stored.
-- email_key ties the email-and-client rows to their email, so an Admin's unlock can find them.
CREATE TABLE login_throttles (
    scope              VARCHAR(20) NOT NULL,
    throttle_key       VARCHAR(64) NOT NULL,
    email_key          VARCHAR(64),
    failures           INTEGER NOT NULL,
    window_started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until       TIMESTAMP WITH TIME ZONE,
    locks              INTEGER NOT NULL,
    last_failure_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (scope, throttle_key)
);

CREATE INDEX login_throttles_email ON login_throttles (email_key);

-- A user's devices (client address and user agent) and an API key's client networks, each as a
-- SHA-256 digest (hex), with when they were first and last seen.
CREATE TABLE access_sources (
    subject_kind   VARCHAR(10) NOT NULL,
    subject_id     UUID NOT NULL,
    source_key     VARCHAR(64) NOT NULL,
    first_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subject_kind, subject_id, source_key)
);

CREATE INDEX audit_events_organization_type_time ON audit_events (organization_id, event_type, occurred_at);
