/**
 * The performance board pack: for a month and a hub or the whole borough, one page that a board
 * reads, with 12-month trends, the hub lead's commentary per section, a print stylesheet and a PDF.
 */
@ApplicationModule(
        displayName = "Board",
        allowedDependencies = {"shared", "audit", "hubs", "insight", "quality", "voice", "sufficiency"})
@NullMarked
package org.earlyhelp.board;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
