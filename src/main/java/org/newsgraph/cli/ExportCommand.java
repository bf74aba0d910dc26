package org.newsgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.newsgraph.store.KnowledgeStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsgraph export}: writes the whole dataset, every named graph, as TriG or N-Quads. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the whole dataset, every named graph, as TriG or N-Quads (to standard output or --out).")
public final class ExportCommand implements Callable<Integer> {

    enum Format { trig, nquads }

    @Option(names = "--db", required = true, paramLabel = "DIR", description = "TDB2 database folder.")
    Path db;

    @Option(names = "--format", defaultValue = "nquads", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Options.readableDirectory(db, "database");
        try (KnowledgeStore store = KnowledgeStore.openExisting(db);
             OutputStream os = out == null ? nonClosing(System.out) : Files.newOutputStream(out)) {
            store.read(ds -> {
                // Sorted N-Quads compare line by line between builds; TriG reads well.
                RDFDataMgr.write(os, ds.asDatasetGraph(), format == Format.trig ? RDFFormat.TRIG_PRETTY : RDFFormat.NQUADS_UTF8);
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
