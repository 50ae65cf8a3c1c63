package id.anycheck.auth.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void rangeContainsItsAddresses() throws Exception {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.0/25, 192.0.2.7, 2001:db8::/32");

        assertThat(proxies.contains(InetAddress.getByName("10.255.0.1"))).isTrue();
        assertThat(proxies.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(proxies.contains(InetAddress.getByName("192.168.1.127"))).isTrue();
        assertThat(proxies.contains(InetAddress.getByName("192.168.1.128"))).isFalse();
        assertThat(proxies.contains(InetAddress.getByName("192.0.2.7"))).isTrue();
        assertThat(proxies.contains(InetAddress.getByName("192.0.2.8"))).isFalse();
        assertThat(proxies.contains(InetAddress.getByName("2001:db8:1::1"))).isTrue();
        assertThat(proxies.contains(InetAddress.getByName("2001:db9::1"))).isFalse();
    }

    @Test
    void zeroPrefixContainsEveryAddressOfItsFamily() throws Exception {
        TrustedProxies everyIpv4 = TrustedProxies.parse("0.0.0.0/0");

        assertThat(everyIpv4.contains(InetAddress.getByName("203.0.113.9"))).isTrue();
        assertThat(everyIpv4.contains(InetAddress.getByName("2001:db8::1"))).isFalse();
    }

    @Test
    void blankTrustsNoProxy() {
        assertThat(TrustedProxies.parse("  ").isEmpty()).isTrue();
        assertThat(TrustedProxies.parse(null).isEmpty()).isTrue();
    }

    @Test
    void invalidEntriesAreRejectedByName() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, proxy.example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'proxy.example'");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 32");
        assertThatThrownBy(() -> TrustedProxies.parse("2001:db8::/129"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 128");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.1,"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("''");
        assertThatThrownBy(() -> TrustedProxies.parse("256.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
