package org.clientela.clients.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompaniesMerged;
import org.clientela.clients.CompanyContacts;
import org.clientela.clients.CompanyId;
import org.clientela.clients.ContactInput;
import org.clientela.clients.ContactView;
import org.clientela.clients.internal.Contact.ContactDetails;
import org.clientela.identity.AccessPolicy;
import org.clientela.shared.RecordNotFoundException;
import org.clientela.shared.StaleVersionException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people at a company. A contact is visible exactly when its company is: a contact of a
 * company one may not see answers as if it did not exist. Every change goes to the audit log
 * in the same transaction.
 */
@Service
public class ContactService implements CompanyContacts {

    static final String CONTACT = "Contact";

    private final ContactRepository contacts;
    private final CompanyRepository companies;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final Clock clock;

    private final JdbcClient jdbc;

    ContactService(ContactRepository contacts, CompanyRepository companies, AccessPolicy accessPolicy,
            AuditLog auditLog, Clock clock, JdbcClient jdbc) {
        this.contacts = contacts;
        this.companies = companies;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Transactional
    public ContactView add(UUID companyId, ContactInput input) {
        // a merge of the company holds its row until it commits: wait for it, then see the company
        // archived, rather than add a person to a duplicate whose people have just moved away
        jdbc.sql("select 1 from company where id = :id for key share").param("id", companyId).query().listOfRows();
        Company company = visibleCompany(companyId);
        ContactDetails details = ContactInputCheck.check(input, today());
        Contact contact = Contact.add(company.companyId(), details, clock.instant());
        if (Boolean.FALSE.equals(input.active())) {
            contact.leftTheCompany();
        }
        contact = contacts.save(contact);
        auditLog.created(CONTACT, contact.id(),
                describe(AuditChanges.of().field("company", null, contact.company()), null, contact));
        return view(contact);
    }

    /** Changes the given fields ({@code null} keeps, empty clears) of a contact one may see. */
    @Transactional
    public ContactView update(UUID id, long expectedVersion, ContactInput changes) {
        Contact contact = visibleContact(id);
        if (contact.version() != expectedVersion) {
            throw new StaleVersionException(CONTACT, id, expectedVersion, contact.version());
        }
        ContactDetails details = ContactInputCheck.check(merge(contact.details(), changes), today());
        boolean active = changes.active() == null ? contact.isActive() : changes.active();
        Contact revised = new Contact(contact.id(), contact.company().value(), details, contact.phoneDigits(), active,
                contact.createdAt(), null);
        AuditChanges audit = describe(AuditChanges.of(), contact, revised);
        if (audit.isEmpty()) {
            return view(contact);
        }
        contact.revise(details);
        if (active) {
            contact.backAtTheCompany();
        } else {
            contact.leftTheCompany();
        }
        contact = contacts.save(contact);
        auditLog.updated(CONTACT, id, audit);
        return view(contact);
    }

    /** The person left the company: the contact stays, inactive, with its history. */
    @Transactional
    public ContactView markLeft(UUID id) {
        Contact contact = visibleContact(id);
        if (!contact.isActive()) {
            return view(contact);
        }
        contact.leftTheCompany();
        contact = contacts.save(contact);
        auditLog.updated(CONTACT, id, AuditChanges.of().field("active", true, false));
        return view(contact);
    }

    @Transactional(readOnly = true)
    public ContactView contact(UUID id) {
        return view(visibleContact(id));
    }

    /** The people of a company one may see, those still there first. */
    @Transactional(readOnly = true)
    @Override
    public List<ContactView> of(CompanyId company) {
        visibleCompany(company.value());
        return contacts.findByCompany(company.value()).stream().map(ContactService::view).toList();
    }

    /**
     * The people of a duplicate move to the company it was merged into, in the merge's
     * transaction, each with a line in their history. Their version changes: a form of one of them
     * opened before the move is stale.
     */
    @EventListener
    void on(CompaniesMerged merged) {
        List<UUID> moved = jdbc.sql("""
                        update contact set company_id = :survivor, version = version + 1
                        where company_id = :duplicate
                        returning id
                        """)
                .param("survivor", merged.survivor().value())
                .param("duplicate", merged.duplicate().value())
                .query(UUID.class)
                .list();
        for (UUID id : moved) {
            auditLog.updated(CONTACT, id, AuditChanges.of().field("company", merged.duplicate(), merged.survivor()));
        }
    }

    private Contact visibleContact(UUID id) {
        return contacts.findById(id)
                .filter(contact -> findVisibleCompany(contact.company().value()).isPresent())
                .orElseThrow(() -> new RecordNotFoundException(CONTACT, id));
    }

    private Company visibleCompany(UUID id) {
        return findVisibleCompany(id).orElseThrow(() -> new RecordNotFoundException(CompanyService.COMPANY, id));
    }

    private Optional<Company> findVisibleCompany(UUID id) {
        return companies.findById(id)
                .filter(company -> !company.isArchived())
                .filter(company -> accessPolicy.maySee(company.owner()));
    }

    /**
     * Today where the user may be: Russia spans UTC+2 to UTC+12, so a birthday is only refused
     * once it is the future everywhere there.
     */
    private LocalDate today() {
        return today(clock);
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZoneOffset.ofHours(12)));
    }

    static AuditChanges describe(AuditChanges changes, Contact before, Contact after) {
        ContactDetails old = before == null ? null : before.details();
        ContactDetails now = after.details();
        return changes
                .field("fullName", old == null ? null : old.fullName(), now.fullName())
                .field("position", old == null ? null : old.position(), now.position())
                .field("decisionRole", old == null ? null : old.decisionRole(), now.decisionRole())
                .field("phones", old == null ? null : old.phones(), now.phones())
                .field("emails", old == null ? null : old.emails(), now.emails())
                .field("messenger", old == null ? null : old.messenger(), now.messenger())
                .field("birthday", old == null ? null : old.birthday(), now.birthday())
                .field("notes", old == null ? null : old.notes(), now.notes())
                .field("active", before == null ? null : before.isActive(), after.isActive());
    }

    private static ContactInput merge(ContactDetails stored, ContactInput changes) {
        return new ContactInput(
                pick(changes.fullName(), stored.fullName()),
                pick(changes.position(), stored.position()),
                pick(changes.decisionRole(), stored.decisionRole() == null ? null : stored.decisionRole().name()),
                changes.phones() == null ? stored.phones() : changes.phones(),
                changes.emails() == null ? stored.emails() : changes.emails(),
                pick(changes.messenger(), stored.messenger()),
                pick(changes.birthday(), stored.birthday() == null ? null : stored.birthday().toString()),
                pick(changes.notes(), stored.notes()),
                changes.active());
    }

    private static String pick(String given, String stored) {
        return given == null ? stored : given;
    }

    private static ContactView view(Contact contact) {
        ContactDetails d = contact.details();
        return new ContactView(contact.id(), contact.company().value(), d.fullName(), d.position(), d.decisionRole(),
                d.phones(), d.emails(), d.messenger(), d.birthday(), d.notes(), contact.isActive(),
                contact.createdAt(), contact.version());
    }
}
