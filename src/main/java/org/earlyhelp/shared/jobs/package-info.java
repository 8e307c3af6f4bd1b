/**
 * Scheduled jobs that run once across however many instances share the database: ShedLock's
 * lock in PostgreSQL, and a record of each run.
 */
@NullMarked
package org.earlyhelp.shared.jobs;

import org.jspecify.annotations.NullMarked;
