package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Clients may ask for less time, never more; only the server's own warmer, with its secret, gets more. */
class TimeLimitsTest {

    @Test
    void onlyTheWarmersSecretRaisesTheLimit() {
        TimeLimits limits = TimeLimits.of(10_000, 600_000);
        assertEquals(10_000, limits.millisFor(null, null));
        assertEquals(2_000, limits.millisFor("2", null));
        assertEquals(10_000, limits.millisFor("600", null), "a client cannot raise the limit");
        assertEquals(10_000, limits.millisFor("1,600", null));
        assertEquals(10_000, limits.millisFor("soon", null));
        assertEquals(10_000, limits.millisFor(null, "guess"), "a forged warm header gets the client limit");
        assertEquals(10_000, limits.millisFor(null, ""));
        assertEquals(600_000, limits.millisFor(null, limits.warmToken()));
        assertNotEquals(limits.warmToken(), TimeLimits.of(10_000, 600_000).warmToken(), "a fresh secret per server");
    }
}
