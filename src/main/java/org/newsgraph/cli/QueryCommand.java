package org.newsgraph.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.newsgraph.store.CannedQueries;
import org.newsgraph.store.KnowledgeStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsgraph query}: runs a SPARQL query file over the union of all graphs. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Runs a SPARQL query file over the union of all graphs in the database.")
public final class QueryCommand implements Callable<Integer> {

    enum Format { table, csv, tsv, json }

    @Option(names = "--db", required = true, paramLabel = "DIR", description = "TDB2 database folder.")
    Path db;

    @Parameters(index = "0", paramLabel = "FILE.rq|NAME",
            description = "The SPARQL query file, or the name of a canned query (see: newsgraph queries).")
    String queryFile;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Gives the query variable ?NAME a value: an IRI when VALUE is <...> or http(s)://..., else a string "
                    + "(substituted as an RDF term, never pasted into the query text). Repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Result format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}); json is application/sparql-results+json.")
    Format format;

    @Override
    public Integer call() {
        Options.readableDirectory(db, "database");
        Query query;
        try {
            String text = queryText();
            query = QueryParameters.substitute(QueryFactory.create(text), text, params);
        } catch (QueryParseException e) {
            throw new UserException(queryFile + ": SPARQL syntax error: " + e.getMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new UserException("cannot read query file " + queryFile + ": " + e.getMessage());
        }
        try (KnowledgeStore store = KnowledgeStore.openExisting(db)) {
            PrintStream out = System.out;
            store.read(ds -> {
                try (QueryExecution qe = QueryExecution.dataset(ds).query(query).build()) {
                    if (query.isSelectType()) {
                        print(qe.execSelect(), out);
                    } else if (query.isAskType()) {
                        out.println(qe.execAsk());
                    } else {
                        RDFDataMgr.write(out, query.isConstructType() ? qe.execConstruct() : qe.execDescribe(),
                                RDFFormat.TURTLE_PRETTY);
                    }
                }
                return null;
            });
            out.flush();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    /** The file's text, or a canned query's when the argument names one and no such file exists. */
    private String queryText() throws IOException {
        Path file = Path.of(queryFile);
        if (!Files.exists(file) && !queryFile.contains("/") && !queryFile.contains("\\")) {
            return CannedQueries.bundled().byName(queryFile)
                    .orElseThrow(() -> new UserException("no query file and no canned query named " + queryFile
                            + " (newsgraph queries lists them)")).text();
        }
        Options.readableFile(file, "query file");
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private void print(ResultSet rs, PrintStream out) {
        switch (format) {
            case csv -> ResultSetFormatter.outputAsCSV(out, rs);
            case tsv -> ResultSetFormatter.outputAsTSV(out, rs);
            case json -> ResultSetFormatter.outputAsJSON(out, rs);
            default -> ResultSetFormatter.out(out, rs);
        }
    }
}
