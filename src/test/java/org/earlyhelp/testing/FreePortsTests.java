package org.earlyhelp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ports tests start their own servers on: free, never handed out twice, out of the kernel's way. */
class FreePortsTests {

    @Test
    void aPortIsFreeBelowTheEphemeralRangeAndNeverHandedOutTwice() throws IOException {
        int below = FreePorts.ephemeralRangeStart();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = FreePorts.next();
            assertThat(port).isBetween(10_000, below - 1);
            assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int port = FreePorts.next();
        try (ServerSocket socket = new ServerSocket(port)) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aPortABrowserRefusesIsNeverHandedOut() {
        // Chromium shows ERR_UNSAFE_PORT for a page on 10080: a slice holding only it has none to give.
        assertThatThrownBy(() -> FreePorts.next(new int[] {10_080, 10_081}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No free port");
    }

    @Test
    void twoForksDrawFromSlicesThatDoNotOverlap() {
        int end = FreePorts.ephemeralRangeStart();
        assertThat(FreePorts.slice(0, end)).containsExactly(10_000, end);
        for (int a = 1; a <= FreePorts.SLICES; a++) {
            int[] one = FreePorts.slice(a, end);
            assertThat(one[0]).isGreaterThanOrEqualTo(10_000);
            assertThat(one[1]).isLessThanOrEqualTo(end).isGreaterThan(one[0] + 1_000);
            for (int b = a + 1; b <= FreePorts.SLICES; b++) {
                int[] other = FreePorts.slice(b, end);
                assertThat(one[1] <= other[0] || other[1] <= one[0])
                        .as("the slices of forks %d and %d do not overlap", a, b)
                        .isTrue();
            }
        }
    }

    @Test
    void aPortTheKernelHandsOutForAnyPortIsInTheEphemeralRange() throws IOException {
        // What the old way of choosing did, and why it could collide with outgoing connections.
        try (ServerSocket socket = new ServerSocket(0)) {
            assertThat(socket.getLocalPort()).isGreaterThanOrEqualTo(FreePorts.ephemeralRangeStart());
        }
    }
}
