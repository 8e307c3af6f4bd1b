package org.earlyhelp.shared.database;

import com.zaxxer.hikari.HikariPoolMXBean;
import org.jspecify.annotations.Nullable;

/**
 * The pool of connections that serves people's requests, as far as a page needs to know it: whether
 * every connection is in use, so that a request that waited in vain for one can be told "busy"
 * rather than "the database is down". Not final: with tracing on, Spring Modulith's observability
 * wraps each bean a module exposes in a subclass, to time the calls into the module.
 */
public class ConnectionPool {

    private final DatabaseConfiguration.ManagedDatabase database;

    ConnectionPool(DatabaseConfiguration.ManagedDatabase database) {
        this.database = database;
    }

    /** Whether the pool holds as many connections as it may, every one in use now and none idle. */
    public boolean everyConnectionInUse() {
        @Nullable HikariPoolMXBean pool = database.dataSource().getHikariPoolMXBean();
        if (pool == null) {
            return false;
        }
        return pool.getIdleConnections() == 0
                && pool.getActiveConnections() > 0
                && pool.getActiveConnections() >= database.dataSource().getMaximumPoolSize();
    }
}
