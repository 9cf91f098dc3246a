package org.clientela.receivables.reconciliation;

import java.util.Locale;

import org.clientela.clients.CompanyView;
import org.clientela.clients.LegalForm;
import org.springframework.context.MessageSource;

/**
 * A side of a document between us and a client, named as Russian documents name a legal entity:
 * {@code ООО «Ромашка»}, {@code ИП Иванов Иван Иванович}.
 */
public record Party(String name, String inn, String kpp, String address) {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    public static Party of(OurCompany ours) {
        return new Party(ours.name(), ours.inn(), ours.kpp(), ours.address());
    }

    /** The client: its legal form's abbreviation (always the Russian one: it is part of the name) and its name. */
    public static Party of(CompanyView company, MessageSource messages) {
        return new Party(legalName(company.legalForm(), company.name(), messages), company.inn(), company.kpp(),
                company.legalAddress());
    }

    /** A company's name as its documents write it, from its legal form and name. */
    public static String legalName(LegalForm legalForm, String name, MessageSource messages) {
        String bare = name.strip();
        if (legalForm == null || legalForm == LegalForm.OTHER) {
            return bare;
        }
        String form = messages.getMessage("clients.legalForm." + legalForm.name(), null, RUSSIAN);
        if (legalForm.isSoleTrader() || bare.startsWith("«") || bare.startsWith("\"")) {
            return form + " " + bare;
        }
        return form + " «" + bare + "»";
    }
}
