package org.clientela.clients.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanySource;
import org.clientela.clients.CompanyStatus;
import org.clientela.clients.LegalForm;
import org.clientela.identity.UserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A client: a legal entity or a sole trader. Its registration numbers were checked before they
 * reached it ({@link CompanyDetails}); it owns its status (a lost client keeps the reason), its
 * owner and its archiving.
 */
@Table("company")
class Company {

    @Id
    private final UUID id;
    @Embedded.Nullable
    private CompanyDetails details;
    private CompanyStatus status;
    private String lostReason;
    private UUID ownerId;
    private Instant archivedAt;
    private UUID mergedInto;
    private final Instant createdAt;
    @Version
    private Long version;

    @PersistenceCreator
    Company(UUID id, CompanyDetails details, CompanyStatus status, String lostReason, UUID ownerId,
            Instant archivedAt, UUID mergedInto, Instant createdAt, Long version) {
        this.id = id;
        this.details = details;
        this.status = status;
        this.lostReason = lostReason;
        this.ownerId = ownerId;
        this.archivedAt = archivedAt;
        this.mergedInto = mergedInto;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Company register(CompanyDetails details, CompanyStatus status, String lostReason, UserId owner,
            Instant now) {
        return register(UUID.randomUUID(), details, status, lostReason, owner, now);
    }

    static Company register(UUID id, CompanyDetails details, CompanyStatus status, String lostReason, UserId owner,
            Instant now) {
        Company company = new Company(id, details, CompanyStatus.PROSPECT, null, owner.value(), null, null,
                now, null);
        company.changeStatus(status, lostReason);
        return company;
    }

    void revise(CompanyDetails newDetails) {
        this.details = newDetails;
    }

    /** A lost client needs the reason: it is what the department learns from. */
    void changeStatus(CompanyStatus newStatus, String reason) {
        if (newStatus == CompanyStatus.LOST && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("A lost company needs the reason");
        }
        this.status = newStatus;
        this.lostReason = newStatus == CompanyStatus.LOST ? reason.trim() : null;
    }

    void assignTo(UserId owner) {
        this.ownerId = owner.value();
    }

    /** Archiving is how a company is deleted: its history and references stay. */
    void archive(Instant now) {
        if (archivedAt == null) {
            archivedAt = now;
        }
    }

    /**
     * This company turned out to be a duplicate of {@code survivor}, which took over its people,
     * dossier and tags: it is archived, and says where it went for whoever still holds its id.
     */
    void mergeInto(CompanyId survivor, Instant now) {
        if (survivor.value().equals(id)) {
            throw new IllegalArgumentException("A company cannot be merged into itself");
        }
        archive(now);
        this.mergedInto = survivor.value();
    }

    /** Takes over the tags of a duplicate merged into this company. */
    void uniteTags(List<String> others) {
        TreeSet<String> united = new TreeSet<>(details.tags() == null ? List.of() : details.tags());
        united.addAll(others == null ? List.of() : others);
        CompanyDetails d = details;
        this.details = new CompanyDetails(d.name(), d.legalForm(), d.inn(), d.kpp(), d.ogrn(), d.legalAddress(),
                d.deliveryAddress(), d.bik(), d.bankName(), d.settlementAccount(), d.correspondentAccount(),
                d.segment(), d.region(), d.size(), d.source(), List.copyOf(united));
    }

    /** What the audit log compares: the state before a change and after it. */
    State state() {
        return new State(details, status, lostReason, owner());
    }

    record State(CompanyDetails details, CompanyStatus status, String lostReason, UserId owner) {

        /** The state before a company exists: every field empty. */
        static final State NONE = new State(new CompanyDetails(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null), null, null, null);
    }

    CompanyId companyId() {
        return new CompanyId(id);
    }

    UUID id() {
        return id;
    }

    CompanyDetails details() {
        return details;
    }

    CompanyStatus status() {
        return status;
    }

    String lostReason() {
        return lostReason;
    }

    UserId owner() {
        return new UserId(ownerId);
    }

    boolean isArchived() {
        return archivedAt != null;
    }

    /** The company this one was merged into, if it was. */
    Optional<CompanyId> mergedInto() {
        return Optional.ofNullable(mergedInto).map(CompanyId::new);
    }

    Instant createdAt() {
        return createdAt;
    }

    long version() {
        return version == null ? 0 : version;
    }

    /** Everything a user types about a company, already checked. */
    record CompanyDetails(String name, LegalForm legalForm, String inn, String kpp, String ogrn,
            String legalAddress, String deliveryAddress, String bik, String bankName, String settlementAccount,
            String correspondentAccount, String segment, String region, String size, CompanySource source,
            List<String> tags) {
    }
}
