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
import org.apache.jena.rdf.model.Model;
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

    /** Opens the database in a folder, creating it if absent. */
    public static KnowledgeStore open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create the database folder " + dir, e);
        }
        return new KnowledgeStore(TDB2Factory.connectDataset(dir.toString()), dir.toString());
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
        Txn.executeWrite(dataset, () -> work.accept(new Writer(dataset)));
    }

    /** The writes a build makes, inside one transaction. */
    public static final class Writer {
        private final Dataset dataset;
        private final DatasetGraph dsg;

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
            replace(NG.KNOWLEDGE_GRAPH, CrossArticleLinker.create().link(dataset));
        }

        /** Replaces the ontology and entity graphs. */
        public void replaceReference(Ontology ontology) {
            Model onto = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
            onto.add(ontology.ontology());
            onto.add(ontology.shapes());
            replace(NG.ONTOLOGY_GRAPH, onto.getGraph());
            replace(NG.ENTITIES_GRAPH, ontology.entities().getGraph());
        }

        /** Replaces an article's graph: a rebuild never leaves its old events behind. */
        public void replaceArticle(ArticleGraph g) {
            replace(g.name(), g.graph());
        }

        public void removeGraph(String name) {
            dsg.removeGraph(NodeFactory.createURI(name));
        }

        private void replace(String name, Graph graph) {
            Node gn = NodeFactory.createURI(name);
            dsg.deleteAny(gn, Node.ANY, Node.ANY, Node.ANY);
            graph.find().forEach(t -> dsg.add(gn, t.getSubject(), t.getPredicate(), t.getObject()));
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

    @Override
    public void close() {
        dataset.close();
    }
}
