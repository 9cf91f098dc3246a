package org.clientela.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clientela.shared.InvalidInputException;
import org.clientela.shared.VersionRequiredException;
import org.junit.jupiter.api.Test;

class VersionsUnitTest {

    @Test
    void theEntityTagIsTheQuotedVersion() {
        assertThat(Versions.etag(7)).isEqualTo("\"7\"");
    }

    @Test
    void theVersionComesFromIfMatchOrTheBody() {
        assertThat(Versions.expected("\"3\"", null)).isEqualTo(3);
        assertThat(Versions.expected(" W/\"3\" ", null)).isEqualTo(3);
        assertThat(Versions.expected(null, 4L)).isEqualTo(4);
        assertThat(Versions.expected("\"5\"", 5L)).isEqualTo(5);
    }

    @Test
    void withoutEitherTheChangeIsRefused() {
        assertThatThrownBy(() -> Versions.expected(null, null)).isInstanceOf(VersionRequiredException.class);
        assertThatThrownBy(() -> Versions.expected(" ", null)).isInstanceOf(VersionRequiredException.class);
    }

    @Test
    void anUnreadableOrContradictoryVersionIsBadInput() {
        assertThatThrownBy(() -> Versions.expected("3", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("If-Match"));
        assertThatThrownBy(() -> Versions.expected("*", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Versions.expected("\"1\", \"2\"", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Versions.expected("\"1\"", 2L))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("version"));
    }
}
