-- A group's own request quota in requests per minute. NULL means that only the organization's
-- plan limit applies to the group's requests.

ALTER TABLE organization_groups ADD COLUMN rate_limit_per_minute INTEGER;

ALTER TABLE organization_groups ADD CONSTRAINT organization_groups_rate_limit_positive
    CHECK (rate_limit_per_minute > 0);
