-- Organization settings, deleted groups, the services each group enables, and verification
-- requests. Portable SQL: the same script runs on H2 2.x and PostgreSQL 15+.

ALTER TABLE organizations ADD COLUMN mfa_required BOOLEAN DEFAULT FALSE NOT NULL;

-- A deleted group keeps its row, so its verifications keep their group, and its name stays taken.
ALTER TABLE organization_groups ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE group_services (
    group_id  UUID NOT NULL REFERENCES organization_groups (id),
    service   VARCHAR(64) NOT NULL,
    PRIMARY KEY (group_id, service)
);

-- Groups that existed before services could be chosen keep every service of the default catalogue.
INSERT INTO group_services (group_id, service) SELECT id, 'identity_check' FROM organization_groups;
INSERT INTO group_services (group_id, service) SELECT id, 'face_match' FROM organization_groups;
INSERT INTO group_services (group_id, service) SELECT id, 'liveness' FROM organization_groups;
INSERT INTO group_services (group_id, service) SELECT id, 'document_ocr' FROM organization_groups;

-- subject is the client's JSON object, at most 16 KiB; the column counts characters, which
-- are never more than bytes.
CREATE TABLE verifications (
    id                  UUID PRIMARY KEY,
    organization_id     UUID NOT NULL REFERENCES organizations (id),
    group_id            UUID NOT NULL REFERENCES organization_groups (id),
    service             VARCHAR(64) NOT NULL,
    status              VARCHAR(20) NOT NULL,
    environment         VARCHAR(10) NOT NULL,
    reference_id        VARCHAR(400),
    subject             VARCHAR(16384) NOT NULL,
    created_by_user_id  UUID REFERENCES users (id),
    created_by_key_id   UUID REFERENCES api_keys (id),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT verifications_status_known CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    CONSTRAINT verifications_one_creator CHECK ((created_by_user_id IS NULL) <> (created_by_key_id IS NULL))
);

CREATE INDEX verifications_organization_created ON verifications (organization_id, created_at, id);
CREATE INDEX users_organization_created ON users (organization_id, created_at, id);
