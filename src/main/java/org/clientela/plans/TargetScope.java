package org.clientela.plans;

/** Whose target a row of a plan is: the department's, a manager's, a key account's, an assortment group's. */
public enum TargetScope {
    DEPARTMENT, MANAGER, COMPANY, GROUP
}
