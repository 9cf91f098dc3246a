package org.clientela.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.clientela.shared.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** The Russian forms the users read every day; written by hand, not computed. */
class FormatsTest {

    private final Formats formats = new Formats(ZoneId.of("Europe/Moscow"));

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void russianMoneyNumbersAndDates() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru-RU"));
        assertThat(formats.money(Money.rubles("1234567.89"))).isEqualTo("1\u00A0234\u00A0567,89\u00A0₽");
        assertThat(formats.money(new BigDecimal("0.005"))).isEqualTo("0,01\u00A0₽");
        assertThat(formats.money(new BigDecimal("-1500"))).isEqualTo("-1\u00A0500,00\u00A0₽");
        assertThat(formats.number(1234567)).isEqualTo("1\u00A0234\u00A0567");
        assertThat(formats.number(new BigDecimal("12.50"))).isEqualTo("12,5");
        assertThat(formats.date(LocalDate.of(2026, 11, 27))).isEqualTo("27.11.2026");
        // 21:30 UTC is already the next day in Moscow
        assertThat(formats.dateTime(Instant.parse("2026-11-27T21:30:00Z"))).isEqualTo("28.11.2026 00:30");
    }

    @Test
    void englishMoneyAndDates() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.money(Money.rubles("1234567.89"))).isEqualTo("1,234,567.89\u00A0₽");
        assertThat(formats.date(LocalDate.of(2026, 11, 27))).isEqualTo("27 Nov 2026");
    }

    @Test
    void nothingToShowIsEmpty() {
        assertThat(formats.money((Money) null)).isEmpty();
        assertThat(formats.date(null)).isEmpty();
    }
}
