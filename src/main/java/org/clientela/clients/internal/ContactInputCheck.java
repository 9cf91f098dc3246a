package org.clientela.clients.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.clientela.clients.ContactInput;
import org.clientela.clients.DecisionRole;
import org.clientela.clients.internal.Contact.ContactDetails;
import org.clientela.shared.InputErrors;

/**
 * Checks every field of a contact at once and turns the input into {@link ContactDetails}: a
 * name, phones that have a phone's number of digits, e-mails that look like addresses, a
 * birthday that has happened, sane lengths. Markup is text like any other: it is escaped where
 * it is shown, not refused here.
 */
final class ContactInputCheck {

    static final int MAX_NAME = 300;
    static final int MAX_SHORT = 200;
    static final int MAX_NOTES = 4000;
    static final int MAX_PHONES = 10;
    static final int MAX_PHONE = 50;
    static final int MAX_EMAILS = 10;
    static final int MAX_EMAIL = 254;
    /** How much of a refused value the message repeats. */
    static final int SHOWN = 50;
    static final LocalDate EARLIEST_BIRTHDAY = LocalDate.of(1900, 1, 1);

    /** Deliberately loose: one «@», something on both sides, a dot in the domain, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@.]+");

    private ContactInputCheck() {
    }

    /**
     * @param today the date at the user's: a birthday after it is refused
     */
    static ContactDetails check(ContactInput input, LocalDate today) {
        InputErrors errors = new InputErrors();
        String fullName = optional(errors, "fullName", input.fullName(), MAX_NAME);
        if (blank(input.fullName())) {
            errors.add("fullName", "clients.field.required");
        }
        ContactDetails details = new ContactDetails(fullName,
                optional(errors, "position", input.position(), MAX_SHORT),
                decisionRole(errors, input.decisionRole()),
                phones(errors, input.phones()),
                emails(errors, input.emails()),
                optional(errors, "messenger", input.messenger(), MAX_SHORT),
                birthday(errors, input.birthday(), today),
                optional(errors, "notes", input.notes(), MAX_NOTES));
        errors.throwIfAny();
        return details;
    }

    private static List<String> phones(InputErrors errors, List<String> raw) {
        List<String> phones = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String phone : raw == null ? List.<String>of() : raw) {
            if (blank(phone)) {
                continue;
            }
            String trimmed = phone.strip();
            if (trimmed.length() > MAX_PHONE || !PhoneNumbers.isPlausible(PhoneNumbers.digits(trimmed))) {
                errors.add("phones", "clients.contact.phoneInvalid", trimmed.length() > SHOWN
                        ? trimmed.substring(0, SHOWN) + "…" : trimmed, PhoneNumbers.MIN_DIGITS,
                        PhoneNumbers.MAX_DIGITS);
            } else if (seen.add(PhoneNumbers.digits(trimmed))) {
                phones.add(trimmed);
            }
        }
        if (phones.size() > MAX_PHONES) {
            errors.add("phones", "clients.contact.tooMany", MAX_PHONES);
        }
        return phones;
    }

    private static List<String> emails(InputErrors errors, List<String> raw) {
        List<String> emails = new ArrayList<>();
        for (String email : raw == null ? List.<String>of() : raw) {
            if (blank(email)) {
                continue;
            }
            String normalised = email.strip().toLowerCase(Locale.ROOT);
            if (normalised.length() > MAX_EMAIL || !EMAIL.matcher(normalised).matches()) {
                errors.add("emails", "clients.contact.emailInvalid", normalised.length() > SHOWN
                        ? normalised.substring(0, SHOWN) + "…" : normalised);
            } else if (!emails.contains(normalised)) {
                emails.add(normalised);
            }
        }
        if (emails.size() > MAX_EMAILS) {
            errors.add("emails", "clients.contact.tooMany", MAX_EMAILS);
        }
        return emails;
    }

    private static LocalDate birthday(InputErrors errors, String raw, LocalDate today) {
        if (blank(raw)) {
            return null;
        }
        LocalDate birthday;
        try {
            birthday = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.add("birthday", "clients.contact.birthdayInvalid");
            return null;
        }
        if (birthday.isAfter(today)) {
            errors.add("birthday", "clients.contact.birthdayInFuture");
            return null;
        }
        if (birthday.isBefore(EARLIEST_BIRTHDAY)) {
            errors.add("birthday", "clients.contact.birthdayInvalid");
            return null;
        }
        return birthday;
    }

    private static DecisionRole decisionRole(InputErrors errors, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return DecisionRole.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("decisionRole", "clients.field.unknownValue",
                    String.join(", ", Arrays.stream(DecisionRole.values()).map(Enum::name).toList()));
            return null;
        }
    }

    private static String optional(InputErrors errors, String field, String raw, int max) {
        if (blank(raw)) {
            return null;
        }
        String trimmed = raw.strip();
        if (trimmed.length() > max) {
            errors.add(field, "clients.field.tooLong", max);
            return null;
        }
        return trimmed;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
