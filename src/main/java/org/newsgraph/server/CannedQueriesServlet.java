package org.newsgraph.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.newsgraph.rdf.Prefixes;
import org.newsgraph.store.CannedQueries;

/**
 * The page /queries: each canned query with its question and a link that opens it in the console's editor;
 * /queries/NAME.rq gives a query's text. Everything shown is HTML-escaped.
 */
final class CannedQueriesServlet extends HttpServlet {

    private final CannedQueries queries;
    private final String dataset;

    CannedQueriesServlet(CannedQueries queries, String dataset) {
        this.queries = queries;
        this.dataset = dataset.startsWith("/") ? dataset.substring(1) : dataset;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (path.length() > 1) {
            Optional<CannedQueries.CannedQuery> q = queries.byName(path.substring(1));
            if (q.isEmpty()) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND, "No such canned query");
                return;
            }
            resp.setContentType("application/sparql-query");
            resp.getWriter().write(q.get().text());
            return;
        }
        resp.setContentType("text/html");
        PrintWriter w = resp.getWriter();
        w.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>newsgraph: questions you can ask</title>");
        w.println("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
                + "li{margin:1em 0}pre{background:#f4f4f4;padding:.5em;overflow:auto;font-size:85%}</style></head><body>");
        w.println("<h1>Questions you can ask</h1>");
        w.println("<p>Each link opens the query in the <a href=\"/\">Fuseki console</a>'s editor, over dataset /"
                + escape(dataset) + ". Press the run button there; edit it as you like.</p><ul>");
        for (CannedQueries.CannedQuery q : queries.all()) {
            String console = consoleLink(q.text());
            w.println("<li id=\"" + escape(q.name()) + "\"><strong>" + escape(q.name()) + "</strong>: " + escape(q.question())
                    + "<br><a class=\"open\" href=\"" + escape(console) + "\">Open in the console</a> · <a href=\"/queries/"
                    + escape(q.name()) + ".rq\">" + escape(q.name()) + ".rq</a></li>");
        }
        w.println("</ul>");
        String prefixes = prefixDeclarations();
        w.println("<h2 id=\"prefixes\">Prefixes</h2><p>The project's namespaces, to declare at the top of your own queries "
                + "(<a class=\"open\" href=\"" + escape(consoleLink(starterQuery())) + "\">start a query with them</a>):</p>");
        w.println("<pre>" + escape(prefixes) + "</pre></body></html>");
    }

    private String consoleLink(String query) {
        return "/#/dataset/" + dataset + "/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** A first query of one's own: every prefix declared, and a few events. */
    static String starterQuery() {
        return prefixDeclarations() + "\nSELECT ?event ?actor ?action WHERE {\n"
                + "  ?event a ng:Event ; ng:actor/skos:prefLabel ?actor ; ng:action/skos:notation ?action .\n} LIMIT 25\n";
    }

    static String prefixDeclarations() {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(Prefixes.MAP).forEach((p, ns) -> sb.append("PREFIX ").append(p).append(": <").append(ns).append(">\n"));
        return sb.toString();
    }

    /** HTML-escapes text for element content and attribute values. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
