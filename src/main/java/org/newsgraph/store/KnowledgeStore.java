package org.newsgraph.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.newsgraph.rdf.ArticleGraph;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.Ontology;

/**
 * The TDB2 database that holds the knowledge graph: one named graph per article, plus the ontology and
 * entity graphs. Queries see the union of all graphs as the default graph.
 * <pre>{@code
 * try (KnowledgeStore store = KnowledgeStore.open(Path.of("db"))) { ... }
 * }</pre>
 */
public final class KnowledgeStore implements AutoCloseable {

    private final Dataset dataset;
    private final String location;

    private KnowledgeStore(Dataset dataset, String location) {
        this.dataset = dataset;
        this.location = location;
        // Queries (here and through Fuseki) see every named graph as one default graph.
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    /** Opens the database in a folder, creating it if absent; fails with DatabaseInUseException if another process holds it. */
    public static KnowledgeStore open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create the database folder " + dir, e);
        }
        try {
            return new KnowledgeStore(TDB2Factory.connectDataset(dir.toString()), dir.toString());
        } catch (org.apache.jena.dboe.DBOpEnvException e) {
            if (String.valueOf(e.getMessage()).contains("lock")) {
                throw new DatabaseInUseException(dir, e);
            }
            throw e;
        }
    }

    /** Opens an existing database; fails when the folder holds none. */
    public static KnowledgeStore openExisting(Path dir) {
        if (!Files.isDirectory(dir) || !Files.isDirectory(dir.resolve("Data-0001")) && !Files.exists(dir.resolve("tdb.lock"))) {
            throw new IllegalArgumentException("no newsgraph database at " + dir + " (run build first)");
        }
        return open(dir);
    }

    /** A database in memory, for tests. */
    public static KnowledgeStore inMemory() {
        return new KnowledgeStore(TDB2Factory.createDataset(), "memory");
    }

    public Dataset dataset() {
        return dataset;
    }

    public String location() {
        return location;
    }

    /** Writes inside one write transaction: readers see all of it or none of it. */
    public void write(Consumer<Writer> work) {
        Writer w = new Writer(dataset);
        Txn.executeWrite(dataset, () -> work.accept(w));
        rewrittenSinceOpen += w.written;
    }

    /** The writes a build makes, inside one transaction. */
    public static final class Writer {
        private final Dataset dataset;
        private final DatasetGraph dsg;
        private long written;

        private Writer(Dataset dataset) {
            this.dataset = dataset;
            this.dsg = dataset.asDatasetGraph();
        }

        /** The dataset as this transaction sees it, for reading what it has written so far. */
        public Dataset dataset() {
            return dataset;
        }

        /** Rewrites the cross-article knowledge graph from the dataset's current content. */
        public void relink() {
            Graph fresh = CrossArticleLinker.create().link(dataset);
            // Only the difference is written: from one build to the next most of this graph stays the same, and
            // in TDB2 a write costs far more than a read.
            Node gn = NodeFactory.createURI(NG.KNOWLEDGE_GRAPH);
            Graph current = dsg.getGraph(gn);
            List<org.apache.jena.graph.Triple> gone = current.find().filterDrop(fresh::contains).toList();
            List<org.apache.jena.graph.Triple> come = fresh.find().filterDrop(current::contains).toList();
            gone.forEach(t -> dsg.delete(gn, t.getSubject(), t.getPredicate(), t.getObject()));
            come.forEach(t -> dsg.add(gn, t.getSubject(), t.getPredicate(), t.getObject()));
            // Counted for compaction as a rewrite of the whole graph, as before this wrote only the difference: TDB2
            // copies every index page a change touches, so the disk grows faster than the quads changed.
            written += fresh.size();
        }

        /** Replaces the ontology and entity graphs, unless they already hold this ontology. */
        public void replaceReference(Ontology ontology) {
            Node graph = NodeFactory.createURI(NG.ONTOLOGY_GRAPH);
            Node fp = NodeFactory.createLiteralString(ontology.fingerprint());
            if (dsg.contains(graph, graph, NG.extractorFingerprint.asNode(), fp)) {
                return;
            }
            replace(NG.ONTOLOGY_GRAPH, ontology.ontologyGraph());
            replace(NG.ENTITIES_GRAPH, ontology.entities().getGraph());
        }

        /** Replaces (or, with {@code replace} false, adds to) any named graph. */
        public void replaceGraph(String name, Graph graph, boolean replace) {
            if (replace) {
                replace(name, graph);
            } else {
                Node gn = NodeFactory.createURI(name);
                graph.find().forEach(t -> dsg.add(gn, t.getSubject(), t.getPredicate(), t.getObject()));
            }
        }

        /** The first number a counting query gives, as this transaction sees the data. */
        public long count(String sparql) {
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(sparql).build()) {
                var rs = qe.execSelect();
                return rs.hasNext() ? rs.next().getLiteral(rs.getResultVars().get(0)).getLong() : 0;
            }
        }

        /** Quads in the dataset, as this transaction sees it. */
        public long size() {
            long n = 0;
            var it = dsg.find();
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        }

        /** Replaces an article's graph: a rebuild never leaves its old events behind. */
        public void replaceArticle(ArticleGraph g) {
            replace(g.name(), g.graph());
        }

        public void removeGraph(String name) {
            dsg.removeGraph(NodeFactory.createURI(name));
            written++;
        }

        private void replace(String name, Graph graph) {
            Node gn = NodeFactory.createURI(name);
            dsg.deleteAny(gn, Node.ANY, Node.ANY, Node.ANY);
            graph.find().forEach(t -> dsg.add(gn, t.getSubject(), t.getPredicate(), t.getObject()));
            written += graph.size();
        }
    }

    /** Runs a SELECT, ASK, CONSTRUCT or DESCRIBE query over the union graph inside a read transaction. */
    public <T> T read(java.util.function.Function<Dataset, T> work) {
        return Txn.calculateRead(dataset, () -> work.apply(dataset));
    }

    /** Runs a SELECT query and returns its rows, detached from the transaction. */
    public ResultSetRewindable select(String sparql) {
        Query q = QueryFactory.create(sparql);
        return read(ds -> {
            try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
                return org.apache.jena.query.ResultSetFactory.copyResults(qe.execSelect());
            }
        });
    }

    /**
     * What the store knows of each article it holds: key to {content hash, extractor fingerprint, graph name}.
     */
    public java.util.Map<String, String[]> articleStates() {
        String q = "SELECT ?g ?key ?hash ?fp WHERE { GRAPH ?g { ?a a <" + NG.Article.getURI() + "> ; <http://schema.org/identifier> ?key ; <"
                + NG.contentHash.getURI() + "> ?hash . OPTIONAL { ?x <" + NG.extractorFingerprint.getURI() + "> ?fp } } }";
        return read(ds -> {
            java.util.Map<String, String[]> out = new java.util.HashMap<>();
            try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
                qe.execSelect().forEachRemaining(r -> out.put(r.getLiteral("key").getLexicalForm(), new String[] {
                    r.getLiteral("hash").getLexicalForm(), r.contains("fp") ? r.getLiteral("fp").getLexicalForm() : "",
                    r.getResource("g").getURI()}));
            }
            return out;
        });
    }

    /**
     * Compacts the database when the quads rewritten since the last compaction exceed the live quads: TDB2
     * keeps every old version of its indexes until compacted, so repeated rebuilds would grow it without bound.
     * Readers go on meanwhile; the old generation is deleted. Returns the quads rewritten since the last compaction
     * and the quads live, or null when nothing was done. (Bytes are not reported: TDB2's files are sparse, so their
     * lengths do not tell the space they take.)
     */
    public long[] compactIfWorthwhile() {
        if (location.equals("memory")) {
            return null;
        }
        Path marker = Path.of(location, COMPACTION_MARKER);
        long rewritten = readCounter(marker) + rewrittenSinceOpen;
        rewrittenSinceOpen = 0;
        long live = size();
        if (rewritten <= Math.max(live, 1)) {
            writeCounter(marker, rewritten);
            return null;
        }
        org.apache.jena.tdb2.DatabaseMgr.compact(dataset.asDatasetGraph(), true);
        writeCounter(marker, 0);
        return new long[] {rewritten, live};
    }

    private long rewrittenSinceOpen;

    private static long readCounter(Path marker) {
        try {
            return Files.exists(marker) ? Long.parseLong(Files.readString(marker).strip()) : 0;
        } catch (java.io.IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static void writeCounter(Path marker, long n) {
        try {
            Files.writeString(marker, Long.toString(n));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot record rewritten quads in " + marker, e);
        }
    }

    /** File in the database folder that counts the quads rewritten since the last compaction. */
    static final String COMPACTION_MARKER = "newsgraph-compacted-size";

    /** Names of the article graphs in the database. */
    public List<String> articleGraphs() {
        return read(ds -> {
            List<String> out = new ArrayList<>();
            ds.listNames().forEachRemaining(n -> {
                if (n.startsWith(NG.ARTICLE_GRAPH)) {
                    out.add(n);
                }
            });
            return out;
        });
    }

    /** Quads in the whole database. */
    public long size() {
        return read(ds -> {
            long n = 0;
            var it = ds.asDatasetGraph().find();
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        });
    }

    /** Closes the database and releases its folder, so that another process (or store) can open it. */
    @Override
    public void close() {
        if (!location.equals("memory")) {
            org.apache.jena.tdb2.sys.TDBInternal.expel(dataset.asDatasetGraph());
        }
        dataset.close();
    }
}
