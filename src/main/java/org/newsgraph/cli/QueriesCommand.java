package org.newsgraph.cli;

import java.util.concurrent.Callable;

import org.newsgraph.store.CannedQueries;

import picocli.CommandLine.Command;

/** {@code newsgraph queries}: lists the canned queries with the question each answers. */
@Command(name = "queries", mixinStandardHelpOptions = true,
        description = "Lists the canned queries with the question each answers; run one with: query --db DIR NAME")
public final class QueriesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (CannedQueries.CannedQuery q : CannedQueries.bundled().all()) {
            System.out.printf("%-20s %s%n", q.name(), q.question());
        }
        return ExitCodes.OK;
    }
}
