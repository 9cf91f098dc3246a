package org.clientela.keyaccounts.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.clientela.keyaccounts.WarningKind;

/**
 * One kind of early warning: which clients it holds for on a day, each with its evidence. A rule
 * answers for the whole department (the run keeps out archived and merged companies); swapping a
 * rule (e.g. "no order for N days" for "no contact for longer than the cadence") is replacing its
 * bean.
 */
interface WarningRule {

    WarningKind kind();

    /** The companies the warning holds for on {@code day}, each with the figures it compared (JSON-friendly values). */
    Map<UUID, Map<String, Object>> detect(LocalDate day);
}
