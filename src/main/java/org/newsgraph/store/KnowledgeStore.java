package org.newsgraph.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.sys.TDBInternal;
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

    /** Rows a sort, DISTINCT or grouping keeps in memory before it spills to a temporary file. */
    static final long SPILL_ROWS = 100_000;

    static {
        boundQueryMemory(0);
    }

    /**
     * Makes ARQ's memory for one query independent of the store's size: sorts, DISTINCT and groupings spill to disk
     * past {@link #SPILL_ROWS} rows, and (for a server that caps answers at {@code maxRows}, 0 for none) a capped
     * ORDER BY keeps a heap of the cap. By default ARQ keeps every row of a sort in memory, and keeps a top-n heap only
     * for n up to 1,000: a query over every event held all 2.5 million rows at 100,000 articles and ran a 2 GB
     * server out of memory. ARQ reads both settings from its global context.
     */
    public static synchronized void boundQueryMemory(long maxRows) {
        if (ARQ.getContext().get(ARQ.spillToDiskThreshold) == null) {
            ARQ.getContext().set(ARQ.spillToDiskThreshold, SPILL_ROWS);
        }
        if (maxRows > 0) {
            Number threshold = (Number) ARQ.getContext().get(ARQ.topNSortingThreshold);
            ARQ.getContext().set(ARQ.topNSortingThreshold, Math.max(maxRows + 1, threshold == null ? 1000 : threshold.longValue()));
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KnowledgeStore.class);
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
            KnowledgeStore store = new KnowledgeStore(TDB2Factory.connectDataset(dir.toString()), dir.toString());
            // Only now, holding the database's lock: what an interrupted compaction left behind.
            Tdb2Generations.removeStale(dir);
            return store;
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
        boolean[] startedEmpty = new boolean[1];
        String[] leftAs = new String[1];
        try {
            Txn.executeWrite(dataset, () -> {
                startedEmpty[0] = dataset.asDatasetGraph().isEmpty();
                long[] tallied = startedEmpty[0] ? new long[2] : tally();
                LOG.debug("write: committed counts {}", tallied != null ? "known" : "counted on the indexes");
                // The committed state cannot change while this transaction writes (TDB2 has one writer), so another
                // thread counts it meanwhile, unless the last write's tally still holds; the writer adds what it
                // changes. Walking the indexes here instead would be half of an incremental build's work.
                w.committed = tallied != null ? CompletableFuture.completedFuture(tallied)
                        : CompletableFuture.supplyAsync(this::committedCounts, KnowledgeStore::counterThread);
                work.accept(w);
                leftAs[0] = indexState();
            });
            saveTally(leftAs[0], w);
        } finally {
            // A count still reading must end before the store may close.
            if (w.committed != null) {
                w.committed.handle((c, e) -> null).join();
            }
        }
        // Writing into an empty database leaves no earlier version behind to reclaim: a first build is not a rewrite.
        if (!startedEmpty[0]) {
            rewrittenSinceOpen += w.written;
        }
    }

    /** The file beside the database that keeps its counts as the last write left them. */
    private static final String TALLY_FILE = "newsgraph-counts";

    /**
     * Which state the quad and triple indexes are in, as this transaction sees them: their storage generation and
     * the roots of their primary B+trees (copy-on-write, so any committed change gives a root never used before).
     * Null if the store is not on disk or not built that way.
     */
    private String indexState() {
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dataset.asDatasetGraph());
        if (tdb == null || tdb.getLocation().isMem()) {
            return null;
        }
        StringBuilder out = new StringBuilder(tdb.getLocation().getDirectoryPath());
        for (org.apache.jena.tdb2.store.tupletable.TupleTable table : List.of(tdb.getQuadTable().getNodeTupleTable().getTupleTable(),
                tdb.getTripleTable().getNodeTupleTable().getTupleTable())) {
            if (!(table.getIndex(0) instanceof org.apache.jena.tdb2.store.tupletable.TupleIndexRecord index)
                    || !(index.getRangeIndex() instanceof org.apache.jena.dboe.trans.bplustree.BPlusTree tree)) {
                return null;
            }
            out.append(' ').append(tree.getRootId());
        }
        return out.toString();
    }

    /** The counts the last write left, if the indexes are still as it left them; else null. */
    private long[] tally() {
        String state = indexState();
        Path file = Path.of(location, TALLY_FILE);
        if (state == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.size() == 2 && lines.get(0).equals(state)) {
                String[] counts = lines.get(1).split(" ");
                return new long[] {Long.parseLong(counts[0]), Long.parseLong(counts[1])};
            }
        } catch (java.io.IOException | RuntimeException e) {
            // An unreadable tally is no tally: the indexes are counted instead.
        }
        return null;
    }

    /**
     * Keeps the counts a committed write left, for the next write: written after the commit, so a crash between
     * the two leaves a tally whose index state no longer matches, and it is not used.
     */
    private void saveTally(String state, Writer w) {
        if (state == null || w.committed == null || !w.committed.isDone() || w.committed.isCompletedExceptionally()) {
            return;
        }
        Path file = Path.of(location, TALLY_FILE);
        try {
            Path tmp = Files.createTempFile(file.getParent(), TALLY_FILE, ".tmp");
            Files.writeString(tmp, state + "\n" + w.size() + " " + w.events() + "\n");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (java.io.IOException ignored) {
                // The next write will not match it and counts the indexes.
            }
        }
    }

    /** Quads and events as last committed, counted in a read transaction. */
    private long[] committedCounts() {
        return read(ds -> new long[] {quadCount(ds.asDatasetGraph()), eventCount(ds.asDatasetGraph(), Node.ANY)});
    }

    private static void counterThread(Runnable r) {
        Thread t = new Thread(r, "newsgraph-count");
        t.setDaemon(true);
        t.start();
    }

    /** The writes a build makes, inside one transaction. */
    public static final class Writer {
        /** Beyond this many changed articles or (action, actor) pairs, linking everything again is quicker. */
        private static final int MAX_SCOPED = 500;
        private final Dataset dataset;
        private final DatasetGraph dsg;
        private CrossArticleLinker.Scope scope = CrossArticleLinker.Scope.empty();
        /** The changes outgrew a scoped relink: the scope is no longer kept (it would hold every claim of a full build). */
        private boolean scopeOverflowed;
        private long written;
        /** Quads and events this transaction added, less those it removed. */
        private long quadDelta;
        private long eventDelta;
        /** Quads and events as committed before this transaction. */
        private CompletableFuture<long[]> committed;

        private Writer(Dataset dataset) {
            this.dataset = dataset;
            this.dsg = dataset.asDatasetGraph();
        }

        /** The dataset as this transaction sees it, for reading what it has written so far. */
        public Dataset dataset() {
            return dataset;
        }

        /**
         * Brings the cross-article knowledge graph up to date with the articles this transaction replaced or
         * removed, reading and rewriting only the part of it they reach (see CrossArticleLinker.relink); gives the
         * same graph as {@link #relinkAll}.
         */
        public void relink() {
            Node gn = NodeFactory.createURI(NG.KNOWLEDGE_GRAPH);
            if (scopeOverflowed || !dsg.contains(gn, Node.ANY, Node.ANY, Node.ANY)) {
                relinkAll();
                return;
            }
            CrossArticleLinker.Change change = CrossArticleLinker.create().relink(dataset, scope);
            written += writeDifference(gn, change.before(), change.after());
            scope = CrossArticleLinker.Scope.empty();
        }

        /**
         * Rewrites the whole cross-article knowledge graph from the dataset's current content: agreements and
         * resolutions (few) at once, happenings one (action, actor) pair at a time, so that memory never holds the whole graph
         * (at 100,000 articles it held 2.5 million events and overflowed a 2 GB heap).
         */
        public void relinkAll() {
            CrossArticleLinker linker = CrossArticleLinker.create();
            Node gn = NodeFactory.createURI(NG.KNOWLEDGE_GRAPH);
            Graph fresh = linker.linkAgreementsAndResolutions(dataset);
            Graph current = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            dsg.getGraph(gn).find().forEach(t -> {
                if (!CrossArticleLinker.isHappening(t.getSubject())) {
                    current.add(t);
                }
            });
            writeDifference(gn, current, fresh);
            long[] size = {fresh.size()};
            for (Node actor : CrossArticleLinker.actors(dsg)) {
                linker.relinkActor(dsg, actor, c -> {
                    writeDifference(gn, c.before(), c.after());
                    size[0] += c.after().size();
                });
            }
            // Counted for compaction as a rewrite of the whole graph, as before this wrote only the difference: TDB2
            // copies every index page a change touches, so the disk grows faster than the quads changed.
            written += size[0];
            scope = CrossArticleLinker.Scope.empty();
            scopeOverflowed = false;
        }

        /** Writes only what differs: from one build to the next most of the graph stays, and a write costs more. */
        private long writeDifference(Node gn, Graph current, Graph fresh) {
            List<Triple> gone = current.find().filterDrop(fresh::contains).toList();
            List<Triple> come = fresh.find().filterDrop(current::contains).toList();
            gone.forEach(t -> dsg.delete(gn, t.getSubject(), t.getPredicate(), t.getObject()));
            come.forEach(t -> dsg.add(gn, t.getSubject(), t.getPredicate(), t.getObject()));
            quadDelta += come.size() - gone.size();
            eventDelta += eventsIn(come) - eventsIn(gone);
            return gone.size() + come.size();
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
                graph.find().forEach(t -> {
                    if (!dsg.contains(gn, t.getSubject(), t.getPredicate(), t.getObject())) {
                        dsg.add(gn, t.getSubject(), t.getPredicate(), t.getObject());
                        quadDelta++;
                        eventDelta += isEvent(t) ? 1 : 0;
                    }
                });
            }
        }

        /** Events in the dataset, as this transaction sees it (each event lives in one article graph). */
        public long events() {
            return committed()[1] + eventDelta;
        }

        /** Quads in the dataset, as this transaction sees it. */
        public long size() {
            return committed()[0] + quadDelta;
        }

        private long[] committed() {
            try {
                return committed.join();
            } catch (CompletionException e) {
                throw new IllegalStateException("Cannot count the database's quads", e.getCause());
            }
        }

        /** Records the stamp of a file as read, or with a null stamp forgets the file. */
        public void stampFile(String path, String stamp) {
            Node gn = NodeFactory.createURI(NG.FILES_GRAPH);
            Node f = fileNode(path);
            quadDelta -= count(dsg, gn, f, Node.ANY, Node.ANY);
            dsg.deleteAny(gn, f, Node.ANY, Node.ANY);
            if (stamp != null) {
                dsg.add(gn, f, RDF.type.asNode(), NG.SourceFile.asNode());
                dsg.add(gn, f, NG.filePath.asNode(), NodeFactory.createLiteralString(path));
                dsg.add(gn, f, NG.fileStamp.asNode(), NodeFactory.createLiteralString(stamp));
                quadDelta += 3;
            }
            written += 3;
        }

        /** Replaces an article's graph: a rebuild never leaves its old events behind. */
        public void replaceArticle(ArticleGraph g) {
            reach(dsg.getGraph(NodeFactory.createURI(g.name())), g.graph());
            replace(g.name(), g.graph());
        }

        public void removeGraph(String name) {
            Node gn = NodeFactory.createURI(name);
            reach(dsg.getGraph(gn), null);
            quadDelta -= count(dsg, gn, Node.ANY, Node.ANY, Node.ANY);
            eventDelta -= eventCount(dsg, gn);
            dsg.removeGraph(gn);
            written++;
        }

        /** Adds what a changed article reaches to the scope of the next relink, until linking everything is quicker. */
        private void reach(Graph before, Graph after) {
            if (scopeOverflowed) {
                return;
            }
            scope.removed(before);
            if (after != null) {
                scope.added(after);
            }
            if (scope.pairs().size() > MAX_SCOPED || scope.articles().size() > MAX_SCOPED) {
                scopeOverflowed = true;
                scope = CrossArticleLinker.Scope.empty();
            }
        }

        private void replace(String name, Graph graph) {
            Node gn = NodeFactory.createURI(name);
            quadDelta -= count(dsg, gn, Node.ANY, Node.ANY, Node.ANY);
            eventDelta -= eventCount(dsg, gn);
            // Not deleteAny: in TDB2 it re-encodes the nodes it found, and a whole decimal stored as "2000" comes
            // back as "2000.0", another inline id, so its quad stayed behind. removeGraph deletes by the ids found.
            dsg.removeGraph(gn);
            graph.find().forEach(t -> dsg.add(gn, t.getSubject(), t.getPredicate(), t.getObject()));
            // A Jena graph is a set: each of its triples is one new quad.
            quadDelta += graph.size();
            eventDelta += graph.find(Node.ANY, RDF.type.asNode(), NG.Event.asNode()).toList().size();
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
        // Four index scans joined in memory by node id, rather than lookups per article or a SPARQL query over every
        // article graph: every build starts here. Only what the answer holds is decoded (a node not in TDB2's cache
        // is a read from disk, and a store just opened has none cached).
        return read(ds -> {
            Ids ids = Ids.of(ds.asDatasetGraph());
            java.util.Map<String, String[]> out = new java.util.HashMap<>();
            NodeId type = ids.id(RDF.type.asNode());
            NodeId article = ids.id(NG.Article.asNode());
            NodeId identifier = ids.id(NodeFactory.createURI("http://schema.org/identifier"));
            NodeId fingerprint = ids.id(NG.extractorFingerprint.asNode());
            NodeId contentHash = ids.id(NG.contentHash.asNode());
            if (java.util.stream.Stream.of(type, article, identifier, contentHash).anyMatch(NodeId::isDoesNotExist)) {
                return out;
            }
            java.util.Set<List<NodeId>> articles = new java.util.HashSet<>();
            ids.find(null, type, article).forEachRemaining(q -> articles.add(List.of(q.get(0), q.get(1))));
            java.util.Map<List<NodeId>, NodeId> keys = new java.util.HashMap<>();
            ids.find(null, identifier, null).forEachRemaining(q -> keys.putIfAbsent(List.of(q.get(0), q.get(1)), q.get(3)));
            java.util.Map<NodeId, NodeId> fingerprints = new java.util.HashMap<>();
            if (!NodeId.isDoesNotExist(fingerprint)) {
                ids.find(null, fingerprint, null).forEachRemaining(q -> fingerprints.putIfAbsent(q.get(0), q.get(3)));
            }
            ids.find(null, contentHash, null).forEachRemaining(q -> {
                List<NodeId> at = List.of(q.get(0), q.get(1));
                NodeId key = keys.get(at);
                if (key == null || !articles.contains(at)) {
                    return;
                }
                Node hash = ids.node(q.get(3));
                Node k = ids.node(key);
                if (!hash.isLiteral() || !k.isLiteral()) {
                    return;
                }
                // The graph is named after the key: looking the name up is an index read, decoding it a file read.
                String named = org.newsgraph.rdf.Iris.articleGraph(k.getLiteralLexicalForm());
                Node g = q.get(0).equals(ids.id(NodeFactory.createURI(named))) ? NodeFactory.createURI(named) : ids.node(q.get(0));
                if (!g.isURI()) {
                    return;
                }
                Node fp = fingerprints.containsKey(q.get(0)) ? ids.node(fingerprints.get(q.get(0))) : null;
                out.put(k.getLiteralLexicalForm(), new String[] {hash.getLiteralLexicalForm(),
                    fp != null && fp.isLiteral() ? fp.getLiteralLexicalForm() : "", g.getURI()});
            });
            return out;
        });
    }

    /** The stamp of each file the last builds read, by its path in the article folder (see ArticleFolder.stamp). */
    public java.util.Map<String, String> fileStamps() {
        return fileStamps(List.of());
    }

    /**
     * The same, given the paths the folder holds now: their records are found by name rather than by decoding each
     * record's path (a file read per file, in a store just opened); only records of other paths are decoded.
     */
    public java.util.Map<String, String> fileStamps(java.util.Collection<String> expected) {
        return read(ds -> {
            Ids ids = Ids.of(ds.asDatasetGraph());
            java.util.Map<String, String> out = new java.util.HashMap<>();
            NodeId files = ids.id(NodeFactory.createURI(NG.FILES_GRAPH));
            NodeId stamp = ids.id(NG.fileStamp.asNode());
            NodeId path = ids.id(NG.filePath.asNode());
            if (java.util.stream.Stream.of(files, stamp, path).anyMatch(NodeId::isDoesNotExist)) {
                return out;
            }
            // Two range scans joined in memory by node id: a lookup per file costs more than reading them all.
            java.util.Map<NodeId, NodeId> stampOf = new java.util.HashMap<>();
            ids.find(files, stamp, null).forEachRemaining(q -> stampOf.putIfAbsent(q.get(1), q.get(3)));
            for (String p : expected) {
                NodeId f = ids.id(fileNode(p));
                NodeId s = NodeId.isDoesNotExist(f) ? null : stampOf.remove(f);
                if (s != null) {
                    out.put(p, ids.node(s).getLiteralLexicalForm());
                }
            }
            ids.find(files, path, null).forEachRemaining(q -> {
                NodeId s = stampOf.get(q.get(1));
                if (s != null) {
                    out.put(ids.node(q.get(3)).getLiteralLexicalForm(), ids.node(s).getLiteralLexicalForm());
                }
            });
            return out;
        });
    }

    /** The node that records a file of the article folder, by its path. */
    private static Node fileNode(String path) {
        return NodeFactory.createURI(NG.BASE + "file/" + org.newsgraph.rdf.Iris.hash(path).substring(0, 20));
    }

    /** A TDB2 dataset's quad table by node id: patterns found and nodes decoded only where asked. */
    private record Ids(org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable quads) {
        static Ids of(DatasetGraph dsg) {
            DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
            if (tdb == null) {
                throw new IllegalStateException("a newsgraph store is a TDB2 database");
            }
            return new Ids(tdb.getQuadTable().getNodeTupleTable());
        }

        NodeId id(Node n) {
            return quads.getNodeTable().getNodeIdForNode(n);
        }

        Node node(NodeId id) {
            return quads.getNodeTable().getNodeForNodeId(id);
        }

        /** Quads (graph, subject, predicate, object) of a graph (null: any) with this predicate and object (null: any). */
        java.util.Iterator<org.apache.jena.atlas.lib.tuple.Tuple<NodeId>> find(NodeId graph, NodeId predicate, NodeId object) {
            return quads.find(graph == null ? NodeId.NodeIdAny : graph, NodeId.NodeIdAny, predicate,
                    object == null ? NodeId.NodeIdAny : object);
        }
    }

    /**
     * Compacts the database when the quads rewritten since the last compaction exceed the live quads, or its data
     * files have doubled since the last compaction: TDB2 keeps every old version of its indexes until compacted, so
     * repeated rebuilds would grow it without bound.
     * Readers go on meanwhile; the old generation is deleted. Returns the quads rewritten since the last compaction
     * and the quads live, or null when nothing was done. (Bytes are not reported: TDB2's files are sparse, so their
     * lengths do not tell the space they take.)
     */
    public long[] compactIfWorthwhile() {
        return location.equals("memory") ? null : compactIfWorthwhile(size());
    }

    /** As {@link #compactIfWorthwhile()}, given the quads live as a build just counted them (counting walks an index). */
    public long[] compactIfWorthwhile(long live) {
        if (location.equals("memory")) {
            return null;
        }
        Path marker = Path.of(location, COMPACTION_MARKER);
        Path bytesMarker = Path.of(location, COMPACTED_BYTES_MARKER);
        long rewritten = readCounter(marker) + rewrittenSinceOpen;
        rewrittenSinceOpen = 0;
        long bytes = Tdb2Generations.currentBytes(Path.of(location));
        long baseline = readCounter(bytesMarker);
        if (baseline == 0) {
            writeCounter(bytesMarker, bytes);
        }
        // Small rebuilds rewrite few quads but copy whole index pages: the files' growth says what quads do not.
        boolean grown = baseline > 0 && bytes > 2 * baseline;
        if (rewritten <= Math.max(live, 1) && !grown) {
            writeCounter(marker, rewritten);
            return null;
        }
        org.apache.jena.tdb2.DatabaseMgr.compact(dataset.asDatasetGraph(), true);
        writeCounter(marker, 0);
        writeCounter(bytesMarker, Tdb2Generations.currentBytes(Path.of(location)));
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
    /** File in the database folder that holds the data files' bytes right after the last compaction. */
    static final String COMPACTED_BYTES_MARKER = "newsgraph-compacted-bytes";

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
        return read(ds -> quadCount(ds.asDatasetGraph()));
    }

    private static boolean isEvent(Triple t) {
        return t.getPredicate().equals(RDF.type.asNode()) && t.getObject().equals(NG.Event.asNode());
    }

    private static long eventsIn(List<Triple> triples) {
        return triples.stream().filter(KnowledgeStore::isEvent).count();
    }

    /** Events in one graph, or in all with {@code Node.ANY}. */
    static long eventCount(DatasetGraph dsg, Node graph) {
        return count(dsg, graph, Node.ANY, RDF.type.asNode(), NG.Event.asNode());
    }

    /** Quads matching a pattern, counted on TDB2's indexes without decoding a node. */
    static long count(DatasetGraph dsg, Node g, Node s, Node p, Node o) {
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
        java.util.Iterator<?> it = tdb != null ? tdb.getQuadTable().getNodeTupleTable().findAsNodeIds(g, s, p, o)
                : dsg.find(g, s, p, o);
        long n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }

    static long quadCount(DatasetGraph dsg) {
        // TDB2 counts its index entries without decoding a single node: a large store's count goes from seconds
        // to a fraction of one, which every incremental build would otherwise pay.
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
        if (tdb != null) {
            return tdb.getQuadTable().getNodeTupleTable().getTupleTable().size()
                    + tdb.getTripleTable().getNodeTupleTable().getTupleTable().size();
        }
        long n = 0;
        var it = dsg.find();
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
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
