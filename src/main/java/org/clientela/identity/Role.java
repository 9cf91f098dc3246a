package org.clientela.identity;

/**
 * What a person does in the client department; a user may hold several roles.
 */
public enum Role {
    MANAGER,
    KEY_ACCOUNT_MANAGER,
    /** Head of the client department: approves plans, limits and discounts of a team. */
    HEAD,
    DIRECTOR,
    CREDIT_CONTROLLER,
    ADMIN,
    /** The executing department: takes orders into production and reports them ready, shipped, delivered. */
    PRODUCTION;

    /** The Spring Security authority, e.g. {@code ROLE_HEAD}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
