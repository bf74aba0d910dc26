package org.newsgraph.server;

import java.util.Optional;

import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionalBase;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Which committed state of a TDB2 database a reader sees: the storage generation (compaction starts a new one) and
 * the data version its transaction coordinator advances on every write commit, by any writer in the process.
 *
 * @param storage the storage generation, compared by identity
 * @param version the number of write commits the generation has seen
 */
record DataVersion(Object storage, long version) {

    /** The version a read transaction begun now would see; empty for a dataset that is not TDB2. */
    static Optional<DataVersion> of(DatasetGraph dsg) {
        if (dsg == null || dsg.isInTransaction() || TDBInternal.getDatasetGraphTDB(dsg) == null) {
            return Optional.empty();
        }
        dsg.begin(ReadWrite.READ);
        try {
            DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
            if (tdb.getTxnSystem() instanceof TransactionalBase base) {
                Transaction txn = base.getThreadTransaction();
                if (txn != null) {
                    return Optional.of(new DataVersion(new Identity(tdb), txn.getDataVersion()));
                }
            }
            return Optional.empty();
        } finally {
            dsg.end();
        }
    }

    /** Equality by identity, so a compacted database never matches its predecessor's versions. */
    private record Identity(Object target) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.target == target;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(target);
        }
    }
}
