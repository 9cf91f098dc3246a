package org.clientela.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clientela.clients.ContactView;
import org.clientela.clients.DecisionRole;
import org.clientela.reporting.internal.MeetingBrief.Excerpt;
import org.junit.jupiter.api.Test;

/** The brief's own rules: whose birthday is marked, the order of the people, the dossier's first lines. */
class MeetingBriefsTest {

    @Test
    void aBirthdayIsMarkedUpToThirtyDaysAheadAcrossTheNewYear() {
        LocalDate today = LocalDate.of(2094, 12, 20);
        assertThat(MeetingBriefs.birthdaySoon(LocalDate.of(1980, 12, 20), today)).isEqualTo(today);
        assertThat(MeetingBriefs.birthdaySoon(LocalDate.of(1980, 1, 19), today)).isEqualTo(LocalDate.of(2095, 1, 19));
        assertThat(MeetingBriefs.birthdaySoon(LocalDate.of(1980, 1, 20), today)).isNull();
        assertThat(MeetingBriefs.birthdaySoon(LocalDate.of(1980, 12, 19), today)).isNull();
        assertThat(MeetingBriefs.birthdaySoon(null, today)).isNull();
        // 29 February is kept on the 28th in a year without one
        assertThat(MeetingBriefs.birthdaySoon(LocalDate.of(1988, 2, 29), LocalDate.of(2095, 2, 10)))
                .isEqualTo(LocalDate.of(2095, 2, 28));
    }

    @Test
    void decisionMakersComeFirstAndThoseWhoLeftNotAtAll() {
        List<MeetingBrief.Person> people = MeetingBriefs.people(List.of(contact("Борисов", DecisionRole.USER, true),
                contact("Андреев", null, true), contact("Васильев", DecisionRole.DECISION_MAKER, true),
                contact("Алексеев", DecisionRole.DECISION_MAKER, false),
                contact("Григорьев", DecisionRole.INFLUENCER, true)), LocalDate.of(2094, 6, 15));
        assertThat(people).extracting(person -> person.contact().fullName())
                .containsExactly("Васильев", "Григорьев", "Борисов", "Андреев");
    }

    @Test
    void aDossierTextShowsItsFirstThreeLinesAndSaysWhenThereIsMore() {
        List<Excerpt> texts = new ArrayList<>();
        MeetingBriefs.excerpt(texts, "needs", "один\n\nдва\nтри\nчетыре");
        MeetingBriefs.excerpt(texts, "interests", "  рыбалка  ");
        MeetingBriefs.excerpt(texts, "developmentPlans", " \n ");
        MeetingBriefs.excerpt(texts, "businessHistory", "ж".repeat(400));
        assertThat(texts).containsExactly(new Excerpt("needs", "один\nдва\nтри", true),
                new Excerpt("interests", "рыбалка", false),
                new Excerpt("businessHistory", "ж".repeat(300), true));
    }

    private static ContactView contact(String name, DecisionRole role, boolean active) {
        return new ContactView(UUID.randomUUID(), UUID.randomUUID(), name, null, role, List.of(), List.of(), null,
                null, null, active, Instant.EPOCH, 0);
    }
}
