package org.clientela.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.clientela.clients.CompanyId;

/**
 * A discount a client has beyond its price type, answered by the module that grants it (a key
 * account's service tier): the catalog prices with it without depending on that module, which
 * itself depends on the orders the catalog prices. At most one source; none means no such discount.
 */
public interface ClientDiscountSource {

    /** The company's extra discount on a day, if it has one; read without checking visibility. */
    Optional<ClientDiscount> discountFor(CompanyId company, LocalDate day);

    /**
     * @param label   what the client sees as the reason, e.g. the tier's name
     * @param percent from 0 to 100, at most two decimals
     */
    record ClientDiscount(String label, BigDecimal percent) {
    }
}
