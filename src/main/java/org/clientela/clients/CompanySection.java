package org.clientela.clients;

/**
 * A part of the company page that another module contributes as a bean: its own card, whose body
 * the page loads from the module's own fragment once the page is shown. The company page knows
 * nothing of the contacts, deals or debts it shows this way.
 */
public interface CompanySection {

    /** The card's title in the message bundles. */
    String titleKey();

    /** The position on the page, ascending. */
    int order();

    /**
     * Where the card's body comes from, with {@code {id}} standing for the company's id, e.g.
     * {@code /companies/{id}/contacts}. It answers an HTML fragment, and 404 for a company the
     * current user may not see.
     */
    String fragmentPath();

    /**
     * Whether the card loads its body again when something on the page changed the company (a
     * section's form answering with the htmx event {@code companyChanged}): the history does, so
     * that a change shows in it right after it is saved.
     */
    default boolean reloadsOnChange() {
        return false;
    }

    static CompanySection of(String titleKey, int order, String fragmentPath) {
        return of(titleKey, order, fragmentPath, false);
    }

    static CompanySection of(String titleKey, int order, String fragmentPath, boolean reloadsOnChange) {
        record Section(String titleKey, int order, String fragmentPath, boolean reloadsOnChange)
                implements CompanySection {
        }
        return new Section(titleKey, order, fragmentPath, reloadsOnChange);
    }
}
