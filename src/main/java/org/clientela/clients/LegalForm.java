package org.clientela.clients;

/**
 * The organisational and legal form. A sole trader (ИП) has a 12-digit INN and no KPP; every
 * other form is an organisation with a 10-digit INN.
 */
public enum LegalForm {
    OOO, AO, PAO, NAO, ZAO, IP, GUP, MUP, OTHER;

    public boolean isSoleTrader() {
        return this == IP;
    }
}
