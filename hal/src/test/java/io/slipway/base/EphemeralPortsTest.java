package io.slipway.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RFC 6056 §3.3.1 Algorithm 1: random start, then the first free port upwards, wrapping. */
class EphemeralPortsTest {
    @Test
    void shouldChooseFromTheDynamicRangeByDefault() {
        EphemeralPorts ports = new EphemeralPorts(new SplittableRandom(1));
        for (int i = 0; i < 1000; i++) {
            int p = ports.choose(port -> false);
            assertTrue(p >= 49152 && p <= 65535, "port " + p);
        }
    }

    @Test
    void shouldNotBeSequential() {
        EphemeralPorts ports = new EphemeralPorts(new SplittableRandom(7));
        Set<Integer> seen = new HashSet<>();
        int previous = ports.choose(p -> false);
        int sequentialSteps = 0;
        for (int i = 0; i < 200; i++) {
            int p = ports.choose(q -> false);
            if (p == previous + 1) {
                sequentialSteps++;
            }
            seen.add(p);
            previous = p;
        }
        assertTrue(seen.size() > 190, "200 draws from 16384 ports are nearly all different: " + seen.size());
        assertTrue(sequentialSteps < 3, "an attacker must not predict the next port: " + sequentialSteps);
    }

    @Test
    void shouldSkipPortsInUseAndWrapAroundTheRange() {
        EphemeralPorts ports = new EphemeralPorts(10, 13, new SplittableRandom(3));
        for (int i = 0; i < 50; i++) {
            assertEquals(11, ports.choose(p -> p != 11), "the only free port");
        }
        Set<Integer> all = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            all.add(ports.choose(p -> false));
        }
        assertEquals(Set.of(10, 11, 12, 13), all, "every port of the range can come first");
    }

    @Test
    void shouldSayWhenEveryPortIsTaken() {
        EphemeralPorts ports = new EphemeralPorts(100, 199, new SplittableRandom(5));
        assertEquals(-1, ports.choose(p -> true));
        assertNotEquals(-1, ports.choose(p -> p != 150));
    }

    @Test
    void shouldRefuseARangeOutsideThePortSpace() {
        SplittableRandom r = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class, () -> new EphemeralPorts(0, 10, r));
        assertThrows(IllegalArgumentException.class, () -> new EphemeralPorts(10, 65536, r));
        assertThrows(IllegalArgumentException.class, () -> new EphemeralPorts(20, 10, r));
    }
}
