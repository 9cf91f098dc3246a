package org.clientela.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The firewall's loop allows exactly the names and values that Spring Security's own regular
 * expressions allow, on any text: ASCII, Cyrillic, control characters, unassigned code points,
 * characters beyond the basic plane and lone surrogates.
 */
class HeaderFirewallPropertyTest {

    /** The expressions of Spring Security's {@code StrictHttpFirewall}, as it has them. */
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> character = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.chars().range(' ', '~').map(String::valueOf)),
                Tuple.of(2, Arbitraries.chars().range('\u0000', '\u00a0').map(String::valueOf)),
                Tuple.of(2, Arbitraries.chars().all().map(String::valueOf)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff).map(Character::toString)));
        return character.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    @Property(tries = 5000)
    void aNameIsAllowedExactlyWhenTheFirewallsExpressionAllowsIt(@ForAll("texts") String text) {
        assertThat(HeaderFirewall.assignedAndNotControl(text)).isEqualTo(NAMES.matcher(text).matches());
    }

    @Property(tries = 5000)
    void aValueIsAllowedExactlyWhenTheFirewallsExpressionAllowsIt(@ForAll("texts") String text) {
        assertThat(HeaderFirewall.assignedAndNotControlOrTab(text)).isEqualTo(VALUES.matcher(text).matches());
    }

    @Example
    void aTabIsAllowedInAValueButNotInANameAndOtherControlsNowhere() {
        assertThat(HeaderFirewall.assignedAndNotControlOrTab("Bearer\tabc")).isTrue();
        assertThat(HeaderFirewall.assignedAndNotControl("X\tName")).isFalse();
        assertThat(HeaderFirewall.assignedAndNotControlOrTab("ok\r\nSet-Cookie: x")).isFalse();
        assertThat(HeaderFirewall.assignedAndNotControlOrTab("a\u0085b")).isFalse();
        assertThat(HeaderFirewall.assignedAndNotControlOrTab("\u0378")).isFalse();
        assertThat(HeaderFirewall.assignedAndNotControlOrTab("Клиентела, \uD83D\uDE00")).isTrue();
        assertThat(HeaderFirewall.assignedAndNotControlOrTab("")).isTrue();
    }
}
