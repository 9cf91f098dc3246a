package org.clientela.plans.internal;

import java.util.UUID;

import org.clientela.plans.TargetScope;

/** A row of the plan's grid: whose it is, its name to show, its target. */
public record PlanRow(TargetScope scope, UUID scopeId, String name, Target target) {
}
