package org.newsgraph;

import java.nio.file.Path;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;

/** The fixture corpus (src/test/resources/fixtures/articles, written for these tests) and helpers to read results. */
public final class Fixtures {

    public static final Path ARTICLES = Path.of("src/test/resources/fixtures/articles");
    public static final Path QUERIES = Path.of("queries");

    private static Newsgraph newsgraph;

    private Fixtures() {
    }

    /** One pipeline per test JVM: the OpenNLP models take seconds to load. */
    public static synchronized Newsgraph newsgraph() {
        if (newsgraph == null) {
            newsgraph = Newsgraph.create().threads(2).build();
        }
        return newsgraph;
    }

    /**
     * A copy of a fuseki-config/ file in {@code dir}, pointed at the database {@code db}, with a passwd file giving
     * user newsgraph the password (for the configurations that ask for one).
     */
    public static Path fusekiConfig(Path template, Path dir, Path db, String password) throws java.io.IOException {
        Path passwd = java.nio.file.Files.writeString(dir.resolve("passwd"), "newsgraph: " + password + "\n");
        Path copy = dir.resolve(template.getFileName());
        java.nio.file.Files.writeString(copy, java.nio.file.Files.readString(template)
                .replace("tdb2:location \"target/db\"", "tdb2:location \"" + slashes(db) + "\"")
                .replace("fuseki:passwd \"fuseki-config/passwd\"", "fuseki:passwd \"" + slashes(passwd) + "\""));
        return copy;
    }

    private static String slashes(Path p) {
        return p.toAbsolutePath().toString().replace("\\", "/");
    }

    /** A row's value as a plain string, or null when unbound. */
    public static String str(QuerySolution row, String var) {
        RDFNode n = row.get(var);
        if (n == null) {
            return null;
        }
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
    }

    public static java.util.List<QuerySolution> rows(ResultSetRewindable rs) {
        java.util.List<QuerySolution> out = new java.util.ArrayList<>();
        rs.reset();
        rs.forEachRemaining(out::add);
        return out;
    }
}
