package org.newsgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.newsgraph.rdf.Prefixes;
import org.newsgraph.store.KnowledgeStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsgraph export}: writes the dataset, or one named graph of it, in an RDF syntax. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the dataset, every named graph, as N-Quads, TriG or JSON-LD, or one graph (--graph) as Turtle, "
                + "N-Triples or JSON-LD; to standard output or --out.")
public final class ExportCommand implements Callable<Integer> {

    enum Format { trig, nquads, jsonld, turtle }

    @Option(names = "--db", required = true, paramLabel = "DIR", description = "TDB2 database folder.")
    Path db;

    @Option(names = "--format", defaultValue = "nquads", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path out;

    @Option(names = "--graph", paramLabel = "IRI", description = "Export only this named graph (turtle and jsonld then give a graph).")
    String graph;

    @Override
    public Integer call() throws IOException {
        Options.readableDirectory(db, "database");
        try (KnowledgeStore store = KnowledgeStore.openExisting(db);
             OutputStream os = out == null ? nonClosing(System.out) : Files.newOutputStream(out)) {
            store.read(ds -> {
                if (graph != null) {
                    if (!ds.asDatasetGraph().containsGraph(NodeFactory.createURI(graph))) {
                        throw new UserException("no graph " + graph + " in " + db);
                    }
                    // Copied out: setting prefixes on a TDB2 model would be a write inside this read transaction.
                    Model m = ModelFactory.createDefaultModel().add(ds.getNamedModel(graph));
                    m.setNsPrefixes(Prefixes.MAP);
                    RDFDataMgr.write(os, m, switch (format) {
                        case jsonld -> RDFFormat.JSONLD_PRETTY;
                        case turtle, trig -> RDFFormat.TURTLE_PRETTY;
                        default -> RDFFormat.NTRIPLES_UTF8;
                    });
                } else {
                    RDFDataMgr.write(os, ds.asDatasetGraph(), switch (format) {
                        case trig, turtle -> RDFFormat.TRIG_PRETTY;
                        case jsonld -> RDFFormat.JSONLD_PRETTY;
                        default -> RDFFormat.NQUADS_UTF8;
                    });
                }
                return null;
            });
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private static OutputStream nonClosing(OutputStream os) {
        return new java.io.FilterOutputStream(os) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
