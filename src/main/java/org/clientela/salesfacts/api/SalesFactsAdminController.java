package org.clientela.salesfacts.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.salesfacts.internal.SalesFactTable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operations on the sales facts: their rebuild from the orders. */
@RestController
@Tag(name = "Sales facts", description = "The read model of sales per company, assortment group and month")
class SalesFactsAdminController {

    private final SalesFactTable facts;

    SalesFactsAdminController(SalesFactTable facts) {
        this.facts = facts;
    }

    record RebuildResponse(int rows, int monthRows, long millis) {
    }

    @PostMapping("/api/v1/admin/sales-facts/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rebuild the sales facts from scratch (ADMIN)",
            description = "Empties the facts and fills them again from the orders in one transaction; meanwhile "
                    + "the facts as they were are read and the updates after each order wait. Answers the number "
                    + "of rows (company × assortment group × month), of their monthly rollup (company × month) and the "
                    + "time taken. Audited.")
    RebuildResponse rebuild() {
        SalesFactTable.Rebuilt rebuilt = facts.rebuild();
        return new RebuildResponse(rebuilt.rows(), rebuilt.monthRows(), rebuilt.took().toMillis());
    }
}
