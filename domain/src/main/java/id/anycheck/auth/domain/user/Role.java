package id.anycheck.auth.domain.user;

/** Role of a user within one group. The organization-wide Admin role is {@link User#admin()}. */
public enum Role {
    /** Manages the users and the enabled verification services of the group. */
    MANAGER,
    /** Creates and views the verifications of the group. */
    USER
}
