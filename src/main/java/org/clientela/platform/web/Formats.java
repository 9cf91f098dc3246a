package org.clientela.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.clientela.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How numbers, money and dates read in the UI, as {@code ${@fmt.money(total)}} in templates.
 * Russian: {@code 1 234 567,89 ₽} (no-break spaces between groups and before the sign) and
 * {@code 27.11.2026}; English: {@code 1,234,567.89 ₽} and {@code 27 Nov 2026}.
 */
@Component("fmt")
public class Formats {

    private static final char NO_BREAK_SPACE = '\u00A0';

    private final ZoneId zone;

    Formats(@Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.zone = zone;
    }

    public String money(Money money) {
        return money == null ? "" : money(money.amount());
    }

    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        return number(amount.setScale(2, RoundingMode.HALF_UP), 2) + NO_BREAK_SPACE + "₽";
    }

    public String number(Number value) {
        if (value == null) {
            return "";
        }
        BigDecimal decimal = new BigDecimal(value.toString());
        return number(decimal, Math.max(0, decimal.stripTrailingZeros().scale()));
    }

    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return date.format(russian() ? DateTimeFormatter.ofPattern("dd.MM.yyyy")
                : DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return instant.atZone(zone).format(russian() ? DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                : DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH));
    }

    private String number(BigDecimal value, int fractionDigits) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(russian() ? NO_BREAK_SPACE : ',');
        symbols.setDecimalSeparator(russian() ? ',' : '.');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMinimumFractionDigits(fractionDigits);
        format.setMaximumFractionDigits(fractionDigits);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    private static boolean russian() {
        return !"en".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
