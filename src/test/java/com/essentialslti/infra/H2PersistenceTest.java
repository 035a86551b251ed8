package com.essentialslti.infra;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The persistence contract on H2, the embedded default: a file database in a data directory. */
class H2PersistenceTest extends PersistenceContract {

    @TempDir
    Path dataDirs;
    private int created;

    @Override
    protected Site newSite() {
        Path dataDir = dataDirs.resolve("data-" + ++created);
        return new Site(dataDir.toString(), Settings.embeddedDbUrl(dataDir), "essentials", "");
    }
}
