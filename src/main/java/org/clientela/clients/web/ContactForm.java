package org.clientela.clients.web;

import java.util.List;

import org.clientela.clients.ContactInput;
import org.clientela.clients.ContactView;

/**
 * A person's form as the browser sends it: text as typed, the role by name, a phone or an e-mail
 * per row (rows share one name, so adding and removing rows needs no renumbering), the birthday
 * as the date input gives it. Every field is sent, so an empty one clears the stored value.
 *
 * @param left    ticked when the person has left the company
 * @param version the version the form was filled from ({@code null} for a new person)
 */
record ContactForm(String fullName, String position, String decisionRole, List<String> phones,
        List<String> emails, String messenger, String birthday, String notes, Boolean left, Long version) {

    static ContactForm empty() {
        return new ContactForm(null, null, null, List.of(), List.of(), null, null, null, false, null);
    }

    static ContactForm of(ContactView contact) {
        return new ContactForm(contact.fullName(), contact.position(),
                contact.decisionRole() == null ? null : contact.decisionRole().name(), contact.phones(),
                contact.emails(), contact.messenger(),
                contact.birthday() == null ? null : contact.birthday().toString(), contact.notes(),
                !contact.active(), contact.version());
    }

    ContactInput toInput() {
        return new ContactInput(text(fullName), text(position), text(decisionRole), list(phones), list(emails),
                text(messenger), text(birthday), text(notes), !Boolean.TRUE.equals(left));
    }

    /** The rows to show: what was given, and one empty row to type into when nothing was. */
    public List<String> phoneRows() {
        return rows(phones);
    }

    public List<String> emailRows() {
        return rows(emails);
    }

    private static List<String> rows(List<String> values) {
        return values == null || values.isEmpty() ? List.of("") : values;
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** A field the browser left out is empty, not "keep": the form always shows every field. */
    private static String text(String value) {
        return value == null ? "" : value;
    }
}
