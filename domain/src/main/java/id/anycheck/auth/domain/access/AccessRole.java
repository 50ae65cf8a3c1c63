package id.anycheck.auth.domain.access;

/**
 * Role as the access policy checks it: the organization-wide Admin, or a Manager or User of one
 * group. An API key counts as a User of its group.
 */
public enum AccessRole {
    ADMIN,
    MANAGER,
    USER
}
