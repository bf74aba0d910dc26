package org.newsgraph.server;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caps what a request may send: a body declared larger than the cap is refused with 413 before any of it is read,
 * and a body sent without its length is cut off at the cap. A query (a form or application/sparql-query) has a small
 * cap, so parsing it is bounded too; data sent to a writable endpoint (a pushed graph) a larger one.
 */
final class RequestSizeFilter implements Filter {

    private final long maxQueryBytes;
    private final long maxDataBytes;

    RequestSizeFilter(long maxQueryBytes, long maxDataBytes) {
        this.maxQueryBytes = maxQueryBytes;
        this.maxDataBytes = maxDataBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        long maxBytes = type.startsWith("application/x-www-form-urlencoded") || type.startsWith("application/sparql-query")
                || type.isEmpty() ? maxQueryBytes : maxDataBytes;
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader("Connection", "close");
            http.sendError(413, "Request body larger than " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Capped((HttpServletRequest) request, maxBytes), response);
    }

    /** A request whose body (sent in chunks, with no declared length) fails once it passes the cap. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > max) {
                            throw new IOException("request body larger than " + max + " bytes");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
