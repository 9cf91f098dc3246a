package org.clientela.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal the shared values can give has a message in Russian and in English. */
class SharedMessagesUnitTest {

    private static final List<String> KEYS = List.of(Inn.LENGTH, Inn.DIGITS_ONLY, Inn.CHECKSUM,
            Inn.KPP_NOT_FOR_SOLE_TRADER, Inn.KPP_REQUIRED, Kpp.FORMAT, Ogrn.LENGTH, Ogrn.DIGITS_ONLY,
            Ogrn.CHECKSUM, Ogrn.KIND_MISMATCH, Bik.FORMAT, BankAccount.FORMAT, BankAccount.SETTLEMENT_CHECKSUM,
            BankAccount.CORRESPONDENT_CHECKSUM);

    @ParameterizedTest
    @ValueSource(strings = {"i18n/shared.properties", "i18n/shared_en.properties"})
    void everyKeyHasAMessage(String bundle) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
            assertThat(in).as(bundle).isNotNull();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }

        assertThat(messages.stringPropertyNames()).containsAll(KEYS);
    }
}
