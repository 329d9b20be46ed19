package io.slipway.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class EnvironmentTest {
    @Test
    void shouldContinueWhenWhatIsNeededIsThere() {
        Environment.requireOrSkip(true, "socat", true);
        Environment.requireOrSkip(true, "socat", false);
    }

    @Test
    void shouldSkipWhenSomethingIsMissingOnALaptop() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> Environment.requireOrSkip(false, "socat", false));

        assertTrue(e.getMessage().contains("socat is not available"), e.getMessage());
    }

    @Test
    void shouldFailWhenSomethingIsMissingInCi() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Environment.requireOrSkip(false, "socat", true));

        assertTrue(e.getMessage().contains("CI=true requires it"), e.getMessage());
    }

    @Test
    void shouldFindExecutablesOnThePath() {
        assertTrue(Environment.onPath("sh"));
        assertFalse(Environment.onPath("no-such-command-" + System.nanoTime()));
    }
}
