package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port: organizations and their groups. Implementations are thread-safe. */
public interface OrganizationRepository {

    /**
     * Stores a new organization with its first group and its first Admin, all or nothing.
     *
     * @throws ConflictException if the Admin's email is already registered
     */
    void add(Organization organization, Group firstGroup, User admin);

    Optional<Organization> findById(OrganizationId id);

    /** Returns the organization's groups, ordered by name; deleted groups are left out. */
    List<Group> groupsOf(OrganizationId id);

    /** Stores a changed name or second-factor requirement; returns false for an unknown organization. */
    boolean update(Organization organization);

    /** Returns a group of the organization, or empty if it does not exist there or was deleted. */
    Optional<Group> findGroup(OrganizationId organizationId, GroupId groupId);

    /**
     * Stores a new group with its enabled verification services.
     *
     * @throws ConflictException if the organization has, or had, a group of that name
     */
    void addGroup(Group group, Set<String> services);

    /**
     * Renames a group.
     *
     * @throws ConflictException if the organization has, or had, a group of that name
     */
    boolean renameGroup(OrganizationId organizationId, GroupId groupId, String name);

    /**
     * Deletes a group in one atomic step: it disappears from lists and lookups, its memberships
     * end and its API keys are revoked. Its verifications are kept.
     *
     * @return false if the organization has no such group
     */
    boolean deleteGroup(OrganizationId organizationId, GroupId groupId, Instant now);

    /** Returns the verification services enabled for a group, sorted by name. */
    Set<String> servicesOf(GroupId groupId);

    /** Replaces the verification services enabled for a group. */
    void setServices(GroupId groupId, Set<String> services);
}
