package id.anycheck.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    private static final String CANONICAL = "123e4567-e89b-12d3-a456-426614174000";

    @Test
    void parsesCanonical() {
        assertThat(Ids.parseUuid(CANONICAL)).isEqualTo(UUID.fromString(CANONICAL));
    }

    @Test
    void parsesUpperCase() {
        assertThat(Ids.parseUuid(CANONICAL.toUpperCase())).isEqualTo(UUID.fromString(CANONICAL));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            // UUID.fromString accepts these and pads or truncates the parts.
            "0-0-0-0-0000000000000000000000000000",
            "+0000000-0000-0000-0000-000000000000",
            "123e4567-e89b-12d3-a456-42661417400",
            // Wrong length, no dashes, braces, or characters that are not hex digits.
            "123e4567-e89b-12d3-a456-4266141740000",
            "123e4567e89b12d3a456426614174000",
            "{123e4567-e89b-12d3-a456-426614174000}",
            "123e4567-e89b-12d3-a456-42661417400g",
            " 23e4567-e89b-12d3-a456-426614174000"})
    void rejectsNonCanonical(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Ids.parseUuid(text));
    }

    @Test
    void idTypesRoundTrip() {
        assertThat(UserId.parse(CANONICAL).toString()).isEqualTo(CANONICAL);
        assertThat(OrganizationId.parse(CANONICAL).toString()).isEqualTo(CANONICAL);
        assertThat(GroupId.parse(CANONICAL).toString()).isEqualTo(CANONICAL);
        assertThat(SessionId.parse(CANONICAL).toString()).isEqualTo(CANONICAL);
    }

    @Test
    void idTypesRejectNonCanonical() {
        String padded = "0-0-0-0-0000000000000000000000000000";

        assertThatIllegalArgumentException().isThrownBy(() -> UserId.parse(padded));
        assertThatIllegalArgumentException().isThrownBy(() -> OrganizationId.parse(padded));
        assertThatIllegalArgumentException().isThrownBy(() -> GroupId.parse(padded));
        assertThatIllegalArgumentException().isThrownBy(() -> SessionId.parse(padded));
    }

    @Test
    void randomIdsDiffer() {
        assertThat(UserId.random()).isNotEqualTo(UserId.random());
        assertThat(SessionId.random()).isNotEqualTo(SessionId.random());
    }
}
