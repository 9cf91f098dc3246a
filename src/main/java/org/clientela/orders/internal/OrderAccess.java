package org.clientela.orders.internal;

import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.RecordScope;
import org.clientela.identity.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees and does what with orders. An order is seen by whoever sees its company (the access
 * policy on the company's owner) and by the executing department, which makes every order; cost
 * prices and margins only by the management, credit decisions not by the executing department.
 */
@Component
public class OrderAccess {

    private final AccessPolicy accessPolicy;

    OrderAccess(AccessPolicy accessPolicy) {
        this.accessPolicy = accessPolicy;
    }

    /** The owners of the companies whose orders the current user sees. */
    public RecordScope scope() {
        return has(Role.PRODUCTION) ? RecordScope.everything() : accessPolicy.currentScope();
    }

    /** Sales people and the management take and change orders; not the credit controller, not production. */
    public static boolean mayEdit() {
        return has(Role.MANAGER, Role.KEY_ACCOUNT_MANAGER, Role.HEAD, Role.DIRECTOR, Role.ADMIN);
    }

    /** Who moves an order through production and delivery: the executing department and the sales side. */
    public static boolean mayMove() {
        return mayEdit() || has(Role.PRODUCTION);
    }

    /** Who decides on an order the credit rule held (O3). */
    public static boolean mayDecideCredit() {
        return has(Role.CREDIT_CONTROLLER, Role.HEAD, Role.DIRECTOR);
    }

    public static boolean marginsVisible() {
        return CurrentUser.maySeeMargins();
    }

    public static boolean creditVisible() {
        return has(Role.MANAGER, Role.KEY_ACCOUNT_MANAGER, Role.HEAD, Role.DIRECTOR, Role.ADMIN,
                Role.CREDIT_CONTROLLER);
    }

    /** A price below cost is a decision of the head or the director. */
    static boolean mayPriceBelowCost() {
        return has(Role.HEAD, Role.DIRECTOR);
    }

    /** Orders of the past are loaded from a previous system by the management only. */
    public static boolean mayBackdate() {
        return has(Role.HEAD, Role.DIRECTOR, Role.ADMIN);
    }

    /** Mail templates speak for the department: the head and the administrator word them. */
    public static boolean mayEditTemplates() {
        return has(Role.HEAD, Role.ADMIN);
    }

    /** 403 for whoever takes no orders. */
    public static void requireEditor() {
        require(mayEdit());
    }

    public static void require(boolean allowed) {
        if (!allowed) {
            throw new AccessDeniedException("Not allowed for this order");
        }
    }

    private static boolean has(Role... roles) {
        return CurrentUser.find().map(user -> user.hasAny(roles)).orElse(false);
    }
}
