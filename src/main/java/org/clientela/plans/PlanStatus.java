package org.clientela.plans;

/** A draft is edited; an approved plan is fixed until it is reopened. */
public enum PlanStatus {
    DRAFT, APPROVED
}
