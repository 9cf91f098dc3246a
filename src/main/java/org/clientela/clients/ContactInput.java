package org.clientela.clients;

import java.util.List;

/**
 * What a user or a program gives for a contact, unchecked. On an update a {@code null} field
 * keeps its stored value, an empty one (or an empty list) clears it. {@code birthday} is an ISO
 * date, {@code 1980-05-31}; {@code active} {@code false} means the person left the company.
 */
public record ContactInput(String fullName, String position, String decisionRole, List<String> phones,
        List<String> emails, String messenger, String birthday, String notes, Boolean active) {
}
