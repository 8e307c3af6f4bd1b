package org.earlyhelp.sufficiency;

/**
 * One thing wrong in an SSDA903 return.
 *
 * @param rule the check's code (see docs/sufficiency.md)
 * @param error whether it stops the upload (otherwise a warning)
 * @param child the council's child id, shown only in the validation report to the importer
 */
public record Problem(String rule, boolean error, String file, long line, String child, String message) {}
