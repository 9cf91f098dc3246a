package org.clientela.platform;

/**
 * A module's part of the demo world of a glass-unit factory, loaded on the first start of the
 * embedded default database (and on a demo database that does not yet have this part). Each part
 * is deterministic: the same ids, names and numbers on every machine.
 */
public interface DemoDataContributor {

    /** A stable name, recorded once this part is loaded so that it never loads twice. */
    String name();

    /** Parts load in ascending order: people before clients, clients before orders. */
    int order();

    /** Whether this module's tables already hold data (then the database is not empty). */
    boolean hasData();

    /** Writes this part; runs in a transaction of its own. */
    void load();
}
