package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.organization.Plan;
import id.anycheck.auth.domain.user.User;
import java.util.List;
import java.util.Optional;

/** Port: organizations and their groups. Implementations are thread-safe. */
public interface OrganizationRepository {

    /**
     * Stores a new organization with its first group and its first Admin, all or nothing.
     *
     * @throws ConflictException if the Admin's email is already registered
     */
    void add(Organization organization, Group firstGroup, User admin);

    Optional<Organization> findById(OrganizationId id);

    /** Returns the organization's groups, ordered by name. */
    List<Group> groupsOf(OrganizationId id);

    Optional<Group> findGroup(GroupId id);

    /** Changes an organization's plan. Returns false if the organization does not exist. */
    boolean changePlan(OrganizationId id, Plan plan);

    /**
     * Sets or removes a group's own quota in requests per minute. Returns false if the group does
     * not exist.
     */
    boolean changeGroupRateLimit(GroupId id, Optional<Integer> rateLimitPerMinute);
}
