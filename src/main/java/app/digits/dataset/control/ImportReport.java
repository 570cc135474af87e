package app.digits.dataset.control;

import app.digits.dataset.entity.Split;

/** What one import did: how many rows it read, how many were new, how many were already stored. */
public record ImportReport(Split split, String source, int read, int inserted, int alreadyPresent,
                           int repeatedInFile, long millis) {
}
