package id.anycheck.auth.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressResolverTest {

    private final ClientAddressResolver behindProxies =
            new ClientAddressResolver(TrustedProxies.parse("10.0.0.0/8, 2001:db8:ffff::/48"));
    private final ClientAddressResolver direct = new ClientAddressResolver(TrustedProxies.NONE);

    @Test
    void untrustedPeerIsClient() {
        assertThat(resolve(direct, "198.51.100.7", "203.0.113.1")).isEqualTo("198.51.100.7");
        assertThat(resolve(behindProxies, "198.51.100.7", "203.0.113.1")).isEqualTo("198.51.100.7");
    }

    @Test
    void trustedPeerForwardsRightMostUntrustedEntry() {
        assertThat(resolve(behindProxies, "10.0.0.1", "203.0.113.1, 198.51.100.7")).isEqualTo("198.51.100.7");
    }

    @Test
    void trustedHopsAreSkipped() {
        assertThat(resolve(behindProxies, "10.0.0.1", "203.0.113.1, 198.51.100.7, 10.1.2.3, 10.9.9.9"))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void entriesOfSeveralHeadersAreJoinedInOrder() {
        assertThat(resolve(behindProxies, "10.0.0.1", "203.0.113.1", "198.51.100.7, 10.0.0.2"))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void clientPrependedEntriesAreIgnored() {
        String spoofed = "127.0.0.1, 10.0.0.5";
        String appendedByProxy = "198.51.100.7";

        assertThat(resolve(behindProxies, "10.0.0.1", spoofed + ", " + appendedByProxy)).isEqualTo("198.51.100.7");
    }

    @Test
    void trustedPeerWithoutHeaderIsClient() {
        assertThat(resolve(behindProxies, "10.0.0.1")).isEqualTo("10.0.0.1");
    }

    @Test
    void allTrustedHopsGiveLeftMostHop() {
        assertThat(resolve(behindProxies, "10.0.0.1", "10.0.0.9, 10.0.0.8")).isEqualTo("10.0.0.9");
    }

    @Test
    void malformedEntryStopsAtNearestTrustedHop() {
        assertThat(resolve(behindProxies, "10.0.0.1", "198.51.100.7, unknown, 10.0.0.3")).isEqualTo("10.0.0.3");
        assertThat(resolve(behindProxies, "10.0.0.1", "")).isEqualTo("10.0.0.1");
        assertThat(resolve(behindProxies, "10.0.0.1", "999.1.1.1")).isEqualTo("10.0.0.1");
    }

    @Test
    void hostNamesAreNeverResolved() {
        assertThat(resolve(behindProxies, "10.0.0.1", "localhost")).isEqualTo("10.0.0.1");
        assertThat(resolve(behindProxies, "10.0.0.1", "example.invalid")).isEqualTo("10.0.0.1");
    }

    @Test
    void entriesWithPortsAreAccepted() {
        assertThat(resolve(behindProxies, "10.0.0.1", "198.51.100.7:4711")).isEqualTo("198.51.100.7");
        assertThat(resolve(behindProxies, "10.0.0.1", "[2001:db8::7]:4711")).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void ipv6ProxiesAndClientsWork() {
        assertThat(resolve(behindProxies, "2001:db8:ffff::1", "2001:db8:1::7")).isEqualTo("2001:db8:1:0:0:0:0:7");
        assertThat(resolve(behindProxies, "2001:db8:fffe::1", "2001:db8:1::7")).isEqualTo("2001:db8:fffe:0:0:0:0:1");
    }

    @Test
    void peerThatIsNoAddressIsRejected() {
        assertThatThrownBy(() -> resolve(direct, "not-an-address")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientKeyOfIpv6IsItsNetwork() throws Exception {
        assertThat(RateLimitFilter.clientKey(InetAddress.getByName("198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(RateLimitFilter.clientKey(InetAddress.getByName("2001:db8:1:2:aaaa::1")))
                .isEqualTo(RateLimitFilter.clientKey(InetAddress.getByName("2001:db8:1:2:bbbb::9")))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(RateLimitFilter.clientKey(InetAddress.getByName("2001:db8:1:3::1"))).isEqualTo("2001:db8:1:3:0:0:0:0/64");
    }

    private static String resolve(ClientAddressResolver resolver, String peer, String... forwardedFor) {
        return resolver.resolve(peer, List.of(forwardedFor)).getHostAddress();
    }
}
