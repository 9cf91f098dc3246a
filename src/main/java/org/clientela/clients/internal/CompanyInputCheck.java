package org.clientela.clients.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.clientela.clients.CompanyInput;
import org.clientela.clients.CompanySource;
import org.clientela.clients.CompanyStatus;
import org.clientela.clients.LegalForm;
import org.clientela.clients.internal.Company.CompanyDetails;
import org.clientela.shared.BankAccount;
import org.clientela.shared.Bik;
import org.clientela.shared.InputErrors;
import org.clientela.shared.Inn;
import org.clientela.shared.Kpp;
import org.clientela.shared.Ogrn;

/**
 * Checks every field of a company at once and turns the input into {@link CompanyDetails}:
 * registration numbers with their check digits, the INN matching the legal form, no KPP for a sole
 * trader, bank accounts matching the BIK, sane lengths.
 */
final class CompanyInputCheck {

    static final int MAX_NAME = 500;
    static final int MAX_TEXT = 2000;
    static final int MAX_SHORT = 200;
    static final int MAX_TAGS = 30;
    static final int MAX_TAG = 50;

    private CompanyInputCheck() {
    }

    record Checked(CompanyDetails details, CompanyStatus status, String lostReason) {
    }

    static Checked check(CompanyInput input) {
        InputErrors errors = new InputErrors();
        String name = required(errors, "name", input.name(), MAX_NAME);
        LegalForm legalForm = enumValue(errors, "legalForm", input.legalForm(), LegalForm.class, true);
        Inn inn = input.inn() == null || input.inn().isBlank()
                ? missing(errors, "inn")
                : errors.check(() -> Inn.parse(input.inn(), "inn"));
        Kpp kpp = blank(input.kpp()) ? null : errors.check(() -> Kpp.parse(input.kpp(), "kpp"));
        Ogrn ogrn = blank(input.ogrn()) ? null : errors.check(() -> Ogrn.parse(input.ogrn(), "ogrn"));
        if (inn != null && legalForm != null && inn.isSoleTrader() != legalForm.isSoleTrader()) {
            errors.add("inn", legalForm.isSoleTrader() ? "clients.company.innForSoleTrader"
                    : "clients.company.innForOrganisation");
        }
        // the KPP rule follows the kind of INN: pointless while the INN itself is in question
        if (inn != null && !errors.has("inn") && !errors.has("kpp")) {
            errors.check(() -> {
                inn.requireKppRule(kpp, "kpp");
                return null;
            });
        }
        if (inn != null && ogrn != null) {
            errors.check(() -> {
                ogrn.requireMatches(inn, "ogrn");
                return null;
            });
        }
        Bik bik = blank(input.bik()) ? null : errors.check(() -> Bik.parse(input.bik(), "bik"));
        String settlement = bankAccount(errors, "settlementAccount", input.settlementAccount(), bik, true);
        String correspondent = bankAccount(errors, "correspondentAccount", input.correspondentAccount(), bik, false);
        CompanySource source = enumValue(errors, "source", input.source(), CompanySource.class, false);
        CompanyStatus status = enumValue(errors, "status", input.status(), CompanyStatus.class, false);
        String lostReason = optional(errors, "lostReason", input.lostReason(), MAX_TEXT);
        if (status == CompanyStatus.LOST && lostReason == null) {
            errors.add("lostReason", "clients.company.lostReasonRequired");
        }
        CompanyDetails details = new CompanyDetails(name, legalForm,
                inn == null ? null : inn.value(), kpp == null ? null : kpp.value(), ogrn == null ? null : ogrn.value(),
                optional(errors, "legalAddress", input.legalAddress(), MAX_TEXT),
                optional(errors, "deliveryAddress", input.deliveryAddress(), MAX_TEXT),
                bik == null ? null : bik.value(),
                optional(errors, "bankName", input.bankName(), MAX_SHORT), settlement, correspondent,
                optional(errors, "segment", input.segment(), MAX_SHORT),
                optional(errors, "region", input.region(), MAX_SHORT),
                optional(errors, "size", input.size(), MAX_SHORT), source, tags(errors, input.tags()));
        errors.throwIfAny();
        return new Checked(details, status == null ? CompanyStatus.PROSPECT : status,
                status == CompanyStatus.LOST ? lostReason : null);
    }

    private static String bankAccount(InputErrors errors, String field, String raw, Bik bik, boolean settlement) {
        if (blank(raw)) {
            return null;
        }
        if (bik == null) {
            if (!errors.has("bik")) {
                errors.add("bik", "clients.company.bikRequiredForAccount");
            }
            return null;
        }
        BankAccount account = errors.check(() -> settlement ? BankAccount.settlement(raw, bik, field)
                : BankAccount.correspondent(raw, bik, field));
        return account == null ? null : account.value();
    }

    private static List<String> tags(InputErrors errors, List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        TreeSet<String> tags = new TreeSet<>();
        for (String tag : raw) {
            if (tag == null || tag.isBlank()) {
                continue;
            }
            String trimmed = tag.trim().toLowerCase(Locale.ROOT);
            if (trimmed.length() > MAX_TAG) {
                errors.add("tags", "clients.company.tagTooLong", MAX_TAG);
                return List.of();
            }
            tags.add(trimmed);
        }
        if (tags.size() > MAX_TAGS) {
            errors.add("tags", "clients.company.tooManyTags", MAX_TAGS);
        }
        return new ArrayList<>(tags);
    }

    private static String required(InputErrors errors, String field, String raw, int max) {
        if (blank(raw)) {
            errors.add(field, "clients.field.required");
            return null;
        }
        return optional(errors, field, raw, max);
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

    private static <E extends Enum<E>> E enumValue(InputErrors errors, String field, String raw, Class<E> type,
            boolean required) {
        if (blank(raw)) {
            if (required) {
                errors.add(field, "clients.field.required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field, "clients.field.unknownValue", String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            return null;
        }
    }

    private static <T> T missing(InputErrors errors, String field) {
        errors.add(field, "clients.field.required");
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
