package org.newsgraph.server;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * How long a query may run: the server's limit, or less where the client asks for less with Fuseki's "timeout"
 * parameter (seconds), never more; only the server's own answer warmer, proving itself with a secret made at start,
 * gets a longer limit, because at scale the canned queries take longer than any client should be allowed.
 *
 * @param serverMillis the limit for every client
 * @param warmMillis   the limit for the warmer's requests
 * @param warmToken    the secret the warmer sends in the {@link #WARM_HEADER} header
 */
record TimeLimits(long serverMillis, long warmMillis, String warmToken) {

    static final String WARM_HEADER = "Newsgraph-Warm";

    /** Limits with a fresh random warm token. */
    static TimeLimits of(long serverMillis, long warmMillis) {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        return new TimeLimits(serverMillis, Math.max(serverMillis, warmMillis), HexFormat.of().formatHex(secret));
    }

    /** Whether a request's warm header (or null) proves it comes from the server's own warmer. */
    boolean isWarmer(String warmHeader) {
        return warmHeader != null && MessageDigest.isEqual(warmHeader.getBytes(StandardCharsets.UTF_8),
                warmToken.getBytes(StandardCharsets.UTF_8));
    }

    /** The limit for a request with this "timeout" parameter and warm header (either may be null). */
    long millisFor(String timeoutParameter, String warmHeader) {
        if (isWarmer(warmHeader)) {
            return warmMillis;
        }
        if (timeoutParameter == null) {
            return serverMillis;
        }
        try {
            String overall = timeoutParameter.contains(",") ? timeoutParameter.substring(timeoutParameter.indexOf(',') + 1)
                    : timeoutParameter;
            long askedMillis = (long) (Double.parseDouble(overall.strip()) * 1000);
            return askedMillis > 0 ? Math.min(serverMillis, askedMillis) : serverMillis;
        } catch (RuntimeException malformed) {
            return serverMillis;
        }
    }
}
