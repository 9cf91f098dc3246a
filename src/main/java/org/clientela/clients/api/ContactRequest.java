package org.clientela.clients.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.clientela.clients.ContactInput;

/**
 * A contact to add, or the fields to change (PATCH: a missing or {@code null} field keeps its
 * value, an empty string or list clears it).
 */
@Schema(name = "ContactRequest")
record ContactRequest(
        @Schema(example = "Иванов Иван Иванович") String fullName,
        @Schema(example = "Главный инженер") String position,
        @Schema(description = "DECISION_MAKER, INFLUENCER, USER, GATEKEEPER") String decisionRole,
        @Schema(description = "Any formatting; 10–15 digits", example = "[\"+7 (495) 123-45-67\"]") List<String> phones,
        @Schema(example = "[\"ivanov@example.ru\"]") List<String> emails,
        @Schema(example = "Telegram @ivanov") String messenger,
        @Schema(description = "ISO date, not in the future", example = "1980-05-31") String birthday,
        String notes,
        @Schema(description = "false: the person left the company") Boolean active,
        @Schema(description = "On PATCH, the version last seen (or send If-Match)") Long version) {

    ContactInput toInput() {
        return new ContactInput(fullName, position, decisionRole, phones, emails, messenger, birthday, notes, active);
    }
}
