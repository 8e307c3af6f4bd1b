/**
 * Finds the database the same way for the application and its tests: explicit settings, then
 * PostgreSQL on localhost, then an embedded PostgreSQL under the user's home.
 */
@NullMarked
package org.earlyhelp.shared.database;

import org.jspecify.annotations.NullMarked;
