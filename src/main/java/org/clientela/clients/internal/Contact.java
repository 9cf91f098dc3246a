package org.clientela.clients.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.clients.DecisionRole;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person at a company. What is known of them was checked before it reached it
 * ({@link ContactDetails}); the contact keeps the digits of its phones for search in step with
 * the phones, and a person who left the company stays on record, inactive.
 */
@Table("contact")
class Contact {

    @Id
    private final UUID id;
    private final UUID companyId;
    @Embedded.Nullable
    private ContactDetails details;
    private List<String> phoneDigits;
    private boolean active;
    private final Instant createdAt;
    @Version
    private Long version;

    @PersistenceCreator
    Contact(UUID id, UUID companyId, ContactDetails details, List<String> phoneDigits, boolean active,
            Instant createdAt, Long version) {
        this.id = id;
        this.companyId = companyId;
        this.details = details;
        this.phoneDigits = phoneDigits;
        this.active = active;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Contact add(CompanyId company, ContactDetails details, Instant now) {
        return add(UUID.randomUUID(), company, details, now);
    }

    static Contact add(UUID id, CompanyId company, ContactDetails details, Instant now) {
        return new Contact(id, company.value(), details, digitsOf(details), true, now, null);
    }

    void revise(ContactDetails newDetails) {
        this.details = newDetails;
        this.phoneDigits = digitsOf(newDetails);
    }

    /** The person no longer works there; their history and the company's memory of them stay. */
    void leftTheCompany() {
        this.active = false;
    }

    /** Back at the company (or marked as left by mistake). */
    void backAtTheCompany() {
        this.active = true;
    }

    private static List<String> digitsOf(ContactDetails details) {
        return details.phones().stream().map(PhoneNumbers::digits).distinct().toList();
    }

    UUID id() {
        return id;
    }

    CompanyId company() {
        return new CompanyId(companyId);
    }

    ContactDetails details() {
        return details;
    }

    List<String> phoneDigits() {
        return phoneDigits;
    }

    boolean isActive() {
        return active;
    }

    Instant createdAt() {
        return createdAt;
    }

    long version() {
        return version == null ? 0 : version;
    }

    /** Everything a user types about a contact, already checked; e-mails lower-cased. */
    record ContactDetails(String fullName, String position, DecisionRole decisionRole, List<String> phones,
            List<String> emails, String messenger, LocalDate birthday, String notes) {

        ContactDetails {
            phones = phones == null ? List.of() : List.copyOf(phones);
            emails = emails == null ? List.of() : List.copyOf(emails);
        }
    }
}
