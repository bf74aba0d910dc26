package org.newsgraph.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.newsgraph.rdf.NG;

/**
 * A knowledge graph on a Fuseki server, written through the SPARQL Graph Store Protocol with HTTP basic
 * authentication: {@code ENDPOINT/sparql} to read, {@code ENDPOINT/data?graph=...} to replace or delete a graph.
 * The password is sent only in the Authorization header and never logged.
 */
public final class RemoteGraphStore {

    /** The server refused the request: wrong credentials, no permission, or an error of its own. */
    public static final class RemoteException extends RuntimeException {
        public RemoteException(String message) {
            super(message);
        }
    }

    private final String endpoint;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    private RemoteGraphStore(String endpoint, String user, char[] password) {
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
    }

    /** @param endpoint the dataset's URL, e.g. http://localhost:3030/kg */
    public static RemoteGraphStore create(String endpoint, String user, char[] password) {
        return new RemoteGraphStore(endpoint, user, password);
    }

    public String endpoint() {
        return endpoint;
    }

    /** Runs a SELECT over the dataset's union graph. */
    public List<QuerySolution> select(String query) {
        try (QueryExecutionHTTP qe = QueryExecutionHTTP.service(endpoint + "/sparql").query(query)
                .httpHeader("Authorization", authorization).build()) {
            List<QuerySolution> out = new ArrayList<>();
            qe.execSelect().forEachRemaining(out::add);
            return out;
        } catch (RuntimeException e) {
            throw new RemoteException("cannot query " + endpoint + "/sparql: " + firstLine(e.getMessage()));
        }
    }

    /** What the server holds of each article: key to {content hash, extractor fingerprint, graph name}. */
    public Map<String, String[]> articleStates() {
        Map<String, String[]> out = new HashMap<>();
        for (QuerySolution r : select("SELECT ?g ?key ?hash ?fp WHERE { GRAPH ?g { ?a a <" + NG.Article.getURI()
                + "> ; <http://schema.org/identifier> ?key ; <" + NG.contentHash.getURI() + "> ?hash . OPTIONAL { ?x <"
                + NG.extractorFingerprint.getURI() + "> ?fp } } }")) {
            out.put(r.getLiteral("key").getLexicalForm(), new String[] {r.getLiteral("hash").getLexicalForm(),
                r.contains("fp") ? r.getLiteral("fp").getLexicalForm() : "", r.getResource("g").getURI()});
        }
        return out;
    }

    /** True when the server's ontology graph was written from an ontology with this fingerprint. */
    public boolean hasOntology(String fingerprint) {
        return !select("SELECT ?x WHERE { GRAPH <" + NG.ONTOLOGY_GRAPH + "> { <" + NG.ONTOLOGY_GRAPH + "> <"
                + NG.extractorFingerprint.getURI() + "> \"" + fingerprint.replaceAll("[^0-9a-f]", "") + "\" } }").isEmpty();
    }

    /** Replaces a named graph (HTTP PUT). */
    public void put(String graph, Graph content) {
        send("PUT", graph, content);
    }

    /** Adds to a named graph (HTTP POST). */
    public void post(String graph, Graph content) {
        send("POST", graph, content);
    }

    /** Deletes a named graph (HTTP DELETE); a graph already gone is not an error. */
    public void delete(String graph) {
        HttpRequest req = HttpRequest.newBuilder(graphUri(graph)).header("Authorization", authorization).DELETE().build();
        int status = status(req);
        if (status != 404) {
            check(status, "DELETE", graph);
        }
    }

    private void send(String method, String graph, Graph content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RDFDataMgr.write(body, content, Lang.NTRIPLES);
        HttpRequest req = HttpRequest.newBuilder(graphUri(graph)).header("Authorization", authorization)
                .header("Content-Type", "application/n-triples")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        check(status(req), method, graph);
    }

    private URI graphUri(String graph) {
        return URI.create(endpoint + "/data?graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8));
    }

    private int status(HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new RemoteException("cannot reach " + endpoint + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException("interrupted while writing to " + endpoint);
        }
    }

    private void check(int status, String method, String graph) {
        if (status == 401 || status == 403) {
            // Which part was wrong is not said: the server does not tell, and neither do we.
            throw new RemoteException("the server at " + endpoint + " refused the credentials (HTTP " + status + ")");
        }
        if (status / 100 != 2) {
            throw new RemoteException(method + " " + graph + " failed at " + endpoint + " (HTTP " + status + ")");
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
