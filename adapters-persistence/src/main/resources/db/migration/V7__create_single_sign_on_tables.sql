-- Single sign-on with an OpenID Connect provider (Microsoft Entra ID). Portable SQL: the same
-- script runs on H2 2.x and PostgreSQL 15+. Tenant and object ids are Entra's GUIDs, but the
-- columns take any identifier of up to 100 characters that another provider may send.

-- An organization's rules. A row exists once its Admin saved settings; without one, single
-- sign-on is disabled. default_group_id is set exactly when unknown users are created.
CREATE TABLE sso_settings (
    organization_id   UUID PRIMARY KEY REFERENCES organizations (id),
    unknown_users     VARCHAR(20) NOT NULL,
    default_group_id  UUID REFERENCES organization_groups (id),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sso_settings_unknown_users_known CHECK (unknown_users IN ('REJECT', 'CREATE')),
    CONSTRAINT sso_settings_default_group_when_created
        CHECK ((unknown_users = 'CREATE') = (default_group_id IS NOT NULL))
);

-- The tenants whose people may sign in. The primary key lets a tenant belong to one
-- organization only, so a tenant id alone finds the organization.
CREATE TABLE sso_tenants (
    tenant_id        VARCHAR(100) PRIMARY KEY,
    organization_id  UUID NOT NULL REFERENCES organizations (id)
);

CREATE INDEX sso_tenants_organization_id ON sso_tenants (organization_id);

-- Links between users and their identities at the provider: one identity per user and one
-- user per identity.
CREATE TABLE sso_identities (
    tenant_id   VARCHAR(100) NOT NULL,
    object_id   VARCHAR(100) NOT NULL,
    user_id     UUID NOT NULL REFERENCES users (id),
    linked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, object_id),
    CONSTRAINT sso_identities_user_unique UNIQUE (user_id)
);

-- Sign-ins waiting for their callback. state_hash is the hex SHA-256 of the state sent to the
-- provider; the state itself is not stored. A callback deletes its row in one statement, so a
-- state works once. The nonce and PKCE verifier are kept as they are, because the callback
-- sends the verifier to the provider and compares the nonce. Both are useless once the row
-- is gone or has expired.
CREATE TABLE sso_pending_sign_ins (
    state_hash     CHAR(64) PRIMARY KEY,
    nonce          VARCHAR(100) NOT NULL,
    code_verifier  VARCHAR(128) NOT NULL,
    redirect_uri   VARCHAR(2000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX sso_pending_sign_ins_expires_at ON sso_pending_sign_ins (expires_at);
