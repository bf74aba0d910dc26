package org.newsgraph.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.system.ConNeg;

/**
 * Answers a repeated SPARQL query from memory until the database next commits a write. The data change only when
 * a build or a push commits, while the same questions (the canned queries, a console user re-running one) come
 * again and again; TDB2's data version tells exactly when an answer goes stale, so no answer is ever older than
 * the data a new query would read. Concurrent askers of the same uncached question wait for one evaluation.
 * A client sending {@code Cache-Control: no-cache} gets a fresh evaluation (which then refreshes the entry).
 */
final class AnswerCache implements Filter {

    /** Response header saying whether the answer came from memory ("hit") or was evaluated ("miss"). */
    static final String HEADER = "Newsgraph-Cache";

    private final long capacityBytes;
    private final long entryLimitBytes;
    private final TimeLimits limits;
    private final LinkedHashMap<Key, Answer> answers = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private final ConcurrentHashMap<Key, CompletableFuture<Answer>> running = new ConcurrentHashMap<>();

    /** What identifies an answer: the data it was read from, the endpoint, the chosen formats and every parameter. */
    private record Key(String dataset, DataVersion data, String path, String formats, Map<String, List<String>> parameters) {
    }

    /** The newest data each dataset has answered from: older answers are dropped once, when it moves. */
    private final Map<String, DataVersion> newest = new java.util.HashMap<>();

    /** An answer as gzip bytes: kept small, and sent as they are to the clients that accept gzip (browsers do). */
    private record Answer(String contentType, String vary, byte[] gzip, long length) {
    }

    /**
     * @param capacityBytes the most memory all answers may take; one answer, before compression, an eighth of it
     * @param limits        the query time limits: an answer that took that long may have been cut off
     */
    AnswerCache(long capacityBytes, TimeLimits limits) {
        this.capacityBytes = capacityBytes;
        this.entryLimitBytes = capacityBytes / 8;
        this.limits = limits;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || !("GET".equals(request.getMethod()) || "POST".equals(request.getMethod()))
                || request.getParameter("query") == null) {
            chain.doFilter(req, res);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        DataAccessPoint dataset = datasetOf(request, path);
        // An authenticated endpoint may answer users differently: its answers are never shared.
        Optional<DataVersion> version = dataset == null || request.getHeader("Authorization") != null
                || request.getRemoteUser() != null ? Optional.empty() : DataVersion.of(dataset.getDataService().getDataset());
        if (version.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        Key key = new Key(dataset.getName(), version.get(), path, formats(request), parameters(request));
        CompletableFuture<Answer> mine = null;
        if (!wantsFresh(request)) {
            Answer cached = get(key);
            if (cached == null) {
                mine = new CompletableFuture<>();
                CompletableFuture<Answer> other = running.putIfAbsent(key, mine);
                if (other != null) {
                    mine = null;
                    cached = await(other);
                    if (cached == null && Thread.currentThread().isInterrupted()) {
                        // The server is stopping: never read TDB2 on an interrupted thread (it closes its files).
                        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The server is stopping");
                        return;
                    }
                }
            }
            if (cached != null) {
                replay(request, response, cached);
                return;
            }
        }
        Answer answer = null;
        try {
            answer = evaluate(request, response, chain);
            if (answer != null) {
                put(key, answer);
            }
        } finally {
            if (mine != null) {
                running.remove(key, mine);
                mine.complete(answer);
            }
        }
    }

    private Answer await(CompletableFuture<Answer> other) {
        try {
            return other.get(limits.serverMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null; // the other evaluation failed or is slow: evaluate this one ourselves
        }
    }

    /** Runs the query through Fuseki, streaming to the client as usual while keeping a copy of a complete answer. */
    private Answer evaluate(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(HEADER, "miss");
        Capture capture = new Capture(response, entryLimitBytes);
        long started = System.nanoTime();
        chain.doFilter(request, capture);
        capture.flushBuffer();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        // An answer that ran into a time limit may have been cut off after its first rows were sent.
        long limit = limits.millisFor(request.getParameter("timeout"), request.getHeader(TimeLimits.WARM_HEADER));
        if (capture.status == HttpServletResponse.SC_OK && capture.complete() && tookMillis < limit) {
            return new Answer(response.getContentType(), response.getHeader("Vary"), gzip(capture.copy), capture.copy.size());
        }
        return null;
    }

    private static byte[] gzip(ByteArrayOutputStream plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.size() / 8));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            plain.writeTo(gz);
        }
        return out.toByteArray();
    }

    private static void replay(HttpServletRequest request, HttpServletResponse response, Answer a) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        if (a.contentType() != null) {
            response.setContentType(a.contentType());
        }
        response.setHeader("Vary", a.vary() == null ? "Accept-Encoding" : a.vary() + ",Accept-Encoding");
        response.setHeader(HEADER, "hit");
        if (acceptsGzip(request)) {
            response.setHeader("Content-Encoding", "gzip");
            response.setContentLength(a.gzip().length);
            response.getOutputStream().write(a.gzip());
        } else {
            response.setContentLengthLong(a.length());
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(a.gzip()), 1 << 16)) {
                in.transferTo(response.getOutputStream());
            }
        }
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        for (Enumeration<String> e = request.getHeaders("Accept-Encoding"); e != null && e.hasMoreElements(); ) {
            for (String coding : e.nextElement().split(",")) {
                String[] parts = coding.strip().split(";");
                boolean refused = parts.length > 1 && parts[1].strip().replace(" ", "").matches("q=0(\\.0*)?");
                if (parts[0].strip().equalsIgnoreCase("gzip") && !refused) {
                    return true;
                }
            }
        }
        return false;
    }

    private synchronized Answer get(Key key) {
        return answers.get(key);
    }

    private synchronized void put(Key key, Answer answer) {
        // Versions only move forward, and a compaction starts new storage: once a dataset answers from newer data,
        // its older answers will never be asked for again (and would keep old storage from being collected).
        DataVersion latest = newest.get(key.dataset());
        boolean newer = latest == null || !latest.storage().equals(key.data().storage()) || latest.version() < key.data().version();
        if (latest != null && newer) {
            for (Iterator<Map.Entry<Key, Answer>> it = answers.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Key, Answer> e = it.next();
                if (e.getKey().dataset().equals(key.dataset())) {
                    bytes -= e.getValue().gzip().length;
                    it.remove();
                }
            }
        } else if (!newer && !latest.equals(key.data())) {
            return; // a slow evaluation of data already superseded
        }
        newest.put(key.dataset(), key.data());
        Answer previous = answers.put(key, answer);
        bytes += answer.gzip().length - (previous == null ? 0 : previous.gzip().length);
        for (Iterator<Map.Entry<Key, Answer>> it = answers.entrySet().iterator(); bytes > capacityBytes && it.hasNext(); ) {
            bytes -= it.next().getValue().gzip().length;
            it.remove();
        }
    }

    private static boolean wantsFresh(HttpServletRequest request) {
        String cc = request.getHeader("Cache-Control");
        String pragma = request.getHeader("Pragma");
        return cc != null && (cc.contains("no-cache") || cc.contains("no-store")) || pragma != null && pragma.contains("no-cache");
    }

    /** The formats Fuseki would choose for a table, a yes/no and a graph answer: equivalent Accept headers share answers. */
    private static String formats(HttpServletRequest request) {
        return ConNeg.chooseContentType(request, DEF.rsOfferTable, DEF.acceptResultSetXML) + "|"
                + ConNeg.chooseContentType(request, DEF.rsOfferBoolean, DEF.acceptResultSetXML) + "|"
                + ConNeg.chooseContentType(request, DEF.constructOffer, DEF.acceptTurtle) + "|"
                + request.getHeader("Accept-Charset");
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> out = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> out.put(name, List.of(values)));
        return out;
    }

    /** The dataset a request addresses: the longest registered name that prefixes its path ("/kg" for "/kg/sparql"). */
    private static DataAccessPoint datasetOf(HttpServletRequest request, String path) {
        DataAccessPointRegistry registry = DataAccessPointRegistry.get(request.getServletContext());
        if (registry == null) {
            return null;
        }
        for (String p = path; p.length() > 1; p = p.substring(0, Math.max(1, p.lastIndexOf('/')))) {
            DataAccessPoint dap = registry.get(p);
            if (dap != null) {
                return dap;
            }
        }
        return null;
    }

    /** Passes everything to the client and keeps a copy, up to a size; a failed write spoils the copy. */
    private static final class Capture extends HttpServletResponseWrapper {
        final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private final long limit;
        private boolean overflowed;
        private boolean broken;
        int status = SC_OK;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Capture(HttpServletResponse response, long limit) {
            super(response);
            this.limit = limit;
        }

        boolean complete() {
            return !overflowed && !broken;
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            status = sc;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            status = sc;
            super.sendError(sc);
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            super.flushBuffer();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        try {
                            out.write(b, off, len);
                        } catch (IOException | RuntimeException e) {
                            broken = true;
                            throw e;
                        }
                        if (!overflowed && copy.size() + (long) len > limit) {
                            overflowed = true;
                            copy.reset();
                        }
                        if (!overflowed) {
                            copy.write(b, off, len);
                        }
                    }

                    @Override
                    public void flush() throws IOException {
                        out.flush();
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                String enc = getCharacterEncoding();
                Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), cs));
            }
            return writer;
        }
    }
}
