package org.clientela.clients.internal;

/**
 * The columns of a company's contact person in a file, beside {@link CompanyColumn}: a row of an
 * import is a company and, optionally, one of its people. A header is the column's label
 * ({@code clients.import.contact.<field>}: "Контактное лицо" rather than the form's "ФИО") in
 * either language or the English field name; the
 * decision role is read from its code or its label ({@code clients.decisionRole.<CODE>}).
 * Several phones or e-mails share a cell, separated by commas or semicolons.
 */
public enum ContactColumn {
    FULL_NAME("fullName", null),
    POSITION("position", null),
    DECISION_ROLE("decisionRole", "clients.decisionRole."),
    PHONES("phones", null),
    EMAILS("emails", null);

    private final String field;
    private final String labelPrefix;

    ContactColumn(String field, String labelPrefix) {
        this.field = field;
        this.labelPrefix = labelPrefix;
    }

    /** The field's API name, e.g. {@code fullName}; an import accepts it as a header. */
    public String field() {
        return field;
    }

    /** The message key of the header. */
    public String headerKey() {
        return "clients.import.contact." + field;
    }

    /** For an enumerated column, the message-key prefix of its codes' labels; otherwise {@code null}. */
    public String labelPrefix() {
        return labelPrefix;
    }
}
