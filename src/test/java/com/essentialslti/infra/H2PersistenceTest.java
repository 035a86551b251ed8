package com.essentialslti.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The persistence contract on H2, the embedded default: a file database in a data directory. */
class H2PersistenceTest extends PersistenceContract {

    @TempDir
    Path dataDirs;
    private int created;
    private Path lastDataDir;

    @Override
    protected Site newSite() {
        Path dataDir = dataDirs.resolve("data-" + ++created);
        lastDataDir = dataDir;
        return new Site(dataDir.toString(), Settings.embeddedDbUrl(dataDir), "essentials", "");
    }

    @Test
    void aCommittedTransactionIsInTheFileBeforeItReturnsAsAKilledToolWouldLeaveIt() throws Exception {
        moodle();
        // The file as it is now, with the database still open and nothing closed: what a kill leaves on disk.
        Path crashed = Files.createDirectories(dataDirs.resolve("crashed"));
        Files.copy(lastDataDir.resolve("essentials.mv.db"), crashed.resolve("essentials.mv.db"));
        Database reopened = open(new Site(crashed.toString(), Settings.embeddedDbUrl(crashed), "essentials", ""));
        java.util.List<String> issuers = reopened.read(em -> em.createQuery(
                "SELECT r.issuer FROM Registration r", String.class).getResultList());
        assertThat(issuers).containsExactly(MOODLE);
    }
}
