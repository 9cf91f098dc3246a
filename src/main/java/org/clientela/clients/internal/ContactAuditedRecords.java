package org.clientela.clients.internal;

import java.util.UUID;

import org.clientela.audit.AuditedRecords;
import org.clientela.identity.AccessPolicy;
import org.springframework.stereotype.Component;

/**
 * The history of a contact is for those who may see its company (archived ones included, as
 * for the company's own history).
 */
@Component
class ContactAuditedRecords implements AuditedRecords {

    private final ContactRepository contacts;
    private final CompanyRepository companies;
    private final AccessPolicy accessPolicy;

    ContactAuditedRecords(ContactRepository contacts, CompanyRepository companies, AccessPolicy accessPolicy) {
        this.contacts = contacts;
        this.companies = companies;
        this.accessPolicy = accessPolicy;
    }

    @Override
    public String entityType() {
        return ContactService.CONTACT;
    }

    @Override
    public boolean maySee(String entityId) {
        UUID id;
        try {
            id = UUID.fromString(entityId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return contacts.findById(id)
                .flatMap(contact -> companies.findById(contact.company().value()))
                .filter(company -> accessPolicy.maySee(company.owner()))
                .isPresent();
    }
}
