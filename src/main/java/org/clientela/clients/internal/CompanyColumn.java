package org.clientela.clients.internal;

import java.util.function.Function;

import org.clientela.clients.CompanyView;

/**
 * The columns of a company in a file, export and import alike, so that an exported list can be
 * edited in a spreadsheet and imported again. A column's header is its field label
 * ({@code clients.company.field.<field>}) in the user's language; an import also accepts the
 * English field name. An enumerated column is written as its label
 * ({@code <labelPrefix><CODE>}) and read back from its label in either language or its code.
 */
public enum CompanyColumn {
    NAME("name", CompanyView::name, null),
    LEGAL_FORM("legalForm", view -> view.legalForm().name(), "clients.legalForm."),
    INN("inn", CompanyView::inn, null),
    KPP("kpp", CompanyView::kpp, null),
    OGRN("ogrn", CompanyView::ogrn, null),
    LEGAL_ADDRESS("legalAddress", CompanyView::legalAddress, null),
    DELIVERY_ADDRESS("deliveryAddress", CompanyView::deliveryAddress, null),
    BIK("bik", CompanyView::bik, null),
    BANK_NAME("bankName", CompanyView::bankName, null),
    SETTLEMENT_ACCOUNT("settlementAccount", CompanyView::settlementAccount, null),
    CORRESPONDENT_ACCOUNT("correspondentAccount", CompanyView::correspondentAccount, null),
    SEGMENT("segment", CompanyView::segment, null),
    REGION("region", CompanyView::region, null),
    SIZE("size", CompanyView::size, null),
    SOURCE("source", view -> view.source() == null ? null : view.source().name(), "clients.source."),
    STATUS("status", view -> view.status().name(), "clients.status."),
    LOST_REASON("lostReason", CompanyView::lostReason, null),
    /** The owner manager, written as their name and read back by name or login. */
    OWNER("owner", CompanyView::ownerName, null),
    /** Tags, joined by ", " in a cell. */
    TAGS("tags", view -> String.join(", ", view.tags()), null);

    private final String field;
    private final Function<CompanyView, String> value;
    private final String labelPrefix;

    CompanyColumn(String field, Function<CompanyView, String> value, String labelPrefix) {
        this.field = field;
        this.value = value;
        this.labelPrefix = labelPrefix;
    }

    /** The field's API name, e.g. {@code legalForm}; an import accepts it as a header. */
    public String field() {
        return field;
    }

    /** The message key of the header. */
    public String headerKey() {
        return "clients.company.field." + field;
    }

    /** The stored value: a code for an enumerated column, text otherwise; {@code null} when empty. */
    public String value(CompanyView company) {
        return value.apply(company);
    }

    /** For an enumerated column, the message-key prefix of its codes' labels; otherwise {@code null}. */
    public String labelPrefix() {
        return labelPrefix;
    }
}
