package org.clientela.clients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersUnitTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "+7 (495) 123-45-67  | 74951234567",
            "8 495 1234567       | 74951234567",
            "4951234567          | 74951234567",
            "8-916-000-11-22     | 79160001122",
            "+7 916 000 11 22    | 79160001122",
            "7 (916) 000.11.22   | 79160001122",
            // a foreign number keeps its own country code, a leading 8 included
            "+49 30 12345678     | 493012345678",
            "+86 10 1234 5678    | 861012345678",
            "+1 (212) 555-01-23  | 12125550123",
            // ten digits after a «+» are a foreign number, not a Russian one without its code
            "+3531234567         | 3531234567",
            "123-45-67           | 1234567",
            "'  '                | ''",
    })
    void reducesAPhoneToTheDigitsItIsSearchedBy(String raw, String digits) {
        assertThat(PhoneNumbers.digits(raw)).isEqualTo(digits);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "74951234567      | true",
            "3531234567       | true",
            "123456789012345  | true",
            "1234567          | false",
            "1234567890123456 | false",
    })
    void aPhoneHasTenToFifteenDigits(String digits, boolean plausible) {
        assertThat(PhoneNumbers.isPlausible(digits)).isEqualTo(plausible);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "+7 (495) 123-45-67 | true",
            "4951234567         | true",
            "Ромашка 2000       | false",
            "123-45-67          | false",
            "ivanov@mail.ru     | false",
    })
    void aSearchTextIsAPhoneWhenItIsWrittenAsOne(String text, boolean phone) {
        assertThat(PhoneNumbers.looksLikePhone(text)).isEqualTo(phone);
    }
}
