package org.newsgraph.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Guards the admin routes (/$/...), which can create and delete datasets and write backups: only requests from this
 * machine may read them, and only with {@code serve --admin} may they change anything. Behind a reverse proxy on the
 * same host every request comes from loopback, so with {@code behindProxy} a forwarded request counts as remote.
 */
final class LoopbackOnlyFilter implements Filter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final boolean allowChanges;
    private final boolean behindProxy;

    LoopbackOnlyFilter(boolean allowChanges, boolean behindProxy) {
        this.allowChanges = allowChanges;
        this.behindProxy = behindProxy;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse out = (HttpServletResponse) response;
        boolean forwarded = http.getHeader("X-Forwarded-For") != null || http.getHeader("Forwarded") != null;
        if (!isLoopback(request.getRemoteAddr()) || behindProxy && forwarded) {
            out.sendError(HttpServletResponse.SC_FORBIDDEN, "Admin is available from localhost only");
        } else if (!allowChanges && !READS.contains(http.getMethod())) {
            out.sendError(HttpServletResponse.SC_FORBIDDEN, "Admin changes are off; start serve with --admin to allow them");
        } else {
            chain.doFilter(request, response);
        }
    }

    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        try {
            // A literal address: no DNS lookup happens.
            return InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1) : address)
                    .isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
