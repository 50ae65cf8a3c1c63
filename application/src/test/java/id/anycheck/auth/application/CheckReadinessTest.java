package id.anycheck.auth.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckReadinessTest {

    @Test
    void readyWhenStorageReachable() {
        assertThat(new CheckReadiness(() -> true).isReady()).isTrue();
    }

    @Test
    void notReadyWhenStorageUnreachable() {
        assertThat(new CheckReadiness(() -> false).isReady()).isFalse();
    }
}
