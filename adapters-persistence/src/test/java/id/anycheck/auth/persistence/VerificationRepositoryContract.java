package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.VerificationRepository;
import id.anycheck.auth.domain.port.VerificationRepository.Filter;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.verification.Verification;
import id.anycheck.auth.domain.verification.VerificationId;
import id.anycheck.auth.domain.verification.VerificationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiVerificationRepository}, run on each supported database by a subclass. */
abstract class VerificationRepositoryContract extends DatabaseContractBase {

    private static final Filter NO_FILTER = new Filter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    private Jdbi jdbi;
    private VerificationRepository verifications;
    private User admin;
    private OrganizationId organizationId;
    private GroupId defaultGroup;
    private GroupId otherGroup;

    @BeforeEach
    void createRepositoryAndGroups() {
        jdbi = database().jdbi();
        verifications = new JdbiVerificationRepository(jdbi);
        admin = Fixtures.storeOrganizationWithAdmin(jdbi);
        organizationId = admin.organizationId();
        JdbiOrganizationRepository organizations = new JdbiOrganizationRepository(jdbi);
        defaultGroup = organizations.groupsOf(organizationId).get(0).id();
        Group other = Fixtures.group(organizationId, "Other");
        organizations.addGroup(other, Set.of());
        otherGroup = other.id();
    }

    @Test
    void addStoresEveryField() {
        Verification verification = verification(defaultGroup, "liveness", Fixtures.CREATED_AT, Optional.of("ref-1"));

        verifications.add(verification);

        assertThat(verifications.findById(organizationId, verification.id())).contains(verification);
    }

    @Test
    void findByIdOfOtherOrganizationIsEmpty() {
        Verification verification = verification(defaultGroup, "liveness", Fixtures.CREATED_AT, Optional.empty());
        verifications.add(verification);
        OrganizationId other = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();

        assertThat(verifications.findById(other, verification.id())).isEmpty();
    }

    @Test
    void largestSubjectFits() {
        String subject = "{\"note\":\"" + "\u00e9".repeat(Verification.MAX_SUBJECT_BYTES / 2 - 7) + "\"}";
        Verification verification = new Verification(VerificationId.random(), organizationId, defaultGroup,
                "liveness", VerificationStatus.PENDING, ApiKeyEnvironment.LIVE, Optional.empty(), subject,
                Optional.of(admin.id()), Optional.empty(), Fixtures.CREATED_AT);

        verifications.add(verification);

        assertThat(verifications.findById(organizationId, verification.id()).orElseThrow().subjectJson())
                .isEqualTo(subject);
    }

    @Test
    void listFiltersByGroupServiceReferenceAndTime() {
        Instant t0 = Fixtures.CREATED_AT;
        Verification a = verification(defaultGroup, "liveness", t0, Optional.of("order-1"));
        Verification b = verification(otherGroup, "liveness", t0.plusSeconds(10), Optional.of("order-2"));
        Verification c = verification(defaultGroup, "face_match", t0.plusSeconds(20), Optional.empty());
        List.of(a, b, c).forEach(verifications::add);

        assertThat(list(new Filter(Optional.of(Set.of(defaultGroup)), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))).containsExactly(c, a);
        assertThat(list(new Filter(Optional.empty(), Optional.of("liveness"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()))).containsExactly(b, a);
        assertThat(list(new Filter(Optional.empty(), Optional.empty(), Optional.of(VerificationStatus.PENDING),
                Optional.of("order-2"), Optional.empty(), Optional.empty(), Optional.empty()))).containsExactly(b);
        assertThat(list(new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(t0.plusSeconds(10)), Optional.of(t0.plusSeconds(20)), Optional.empty()))).containsExactly(b);
        assertThat(list(new Filter(Optional.of(Set.of()), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()))).isEmpty();
    }

    @Test
    void listFiltersByEnvironment() {
        Verification live = verification(defaultGroup, "liveness", Fixtures.CREATED_AT, Optional.empty());
        Verification test = new Verification(VerificationId.random(), organizationId, defaultGroup, "liveness",
                VerificationStatus.PENDING, ApiKeyEnvironment.TEST, Optional.empty(), "{}", Optional.of(admin.id()),
                Optional.empty(), Fixtures.CREATED_AT.plusSeconds(1));
        verifications.add(live);
        verifications.add(test);

        assertThat(list(NO_FILTER.withEnvironment(ApiKeyEnvironment.TEST))).containsExactly(test);
        assertThat(list(NO_FILTER.withEnvironment(ApiKeyEnvironment.LIVE))).containsExactly(live);
    }

    @Test
    void listPagesNewestFirst() {
        List<Verification> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Verification verification = verification(defaultGroup, "liveness",
                    Fixtures.CREATED_AT.plusSeconds(i / 2), Optional.empty());
            verifications.add(verification);
            stored.add(verification);
        }

        List<Verification> seen = new ArrayList<>();
        Optional<VerificationRepository.Cursor> cursor = Optional.empty();
        for (int page = 0; page < 3; page++) {
            List<Verification> items = verifications.list(organizationId, NO_FILTER, cursor, 2);
            seen.addAll(items);
            if (items.isEmpty()) {
                break;
            }
            Verification last = items.get(items.size() - 1);
            cursor = Optional.of(new VerificationRepository.Cursor(last.createdAt(), last.id()));
        }

        assertThat(seen).containsExactlyInAnyOrderElementsOf(stored).doesNotHaveDuplicates();
        assertThat(seen).isSortedAccordingTo((x, y) -> y.createdAt().compareTo(x.createdAt()));
    }

    private List<Verification> list(Filter filter) {
        return verifications.list(organizationId, filter, Optional.empty(), 100);
    }

    private Verification verification(GroupId group, String service, Instant createdAt, Optional<String> reference) {
        return new Verification(VerificationId.random(), organizationId, group, service, VerificationStatus.PENDING,
                ApiKeyEnvironment.LIVE, reference, "{\"name\":\"Ana\"}", Optional.of(admin.id()), Optional.empty(),
                createdAt);
    }
}
