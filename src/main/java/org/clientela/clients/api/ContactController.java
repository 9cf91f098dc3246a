package org.clientela.clients.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.clients.CompanyId;
import org.clientela.clients.ContactView;
import org.clientela.clients.internal.ContactService;
import org.clientela.platform.Versions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The people at the companies the caller may see. */
@RestController
@Tag(name = "Contacts", description = "The people at a company, within the caller's access to the company")
class ContactController {

    static final String CONTACTS = "/api/v1/contacts";

    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/api/v1/companies/{companyId}/contacts")
    @Operation(summary = "The contacts of a company, those still there first")
    List<ContactView> list(@PathVariable UUID companyId) {
        return contacts.of(new CompanyId(companyId));
    }

    @PostMapping("/api/v1/companies/{companyId}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a contact to a company")
    ResponseEntity<ContactView> add(@PathVariable UUID companyId, @RequestBody ContactRequest request) {
        ContactView added = contacts.add(companyId, request.toInput());
        return ResponseEntity.created(URI.create(CONTACTS + "/" + added.id()))
                .eTag(Versions.etag(added.version())).body(added);
    }

    @GetMapping(CONTACTS + "/{id}")
    @Operation(summary = "One contact; its version is the ETag")
    ResponseEntity<ContactView> contact(@PathVariable UUID id) {
        ContactView contact = contacts.contact(id);
        return ResponseEntity.ok().eTag(Versions.etag(contact.version())).body(contact);
    }

    @PatchMapping(CONTACTS + "/{id}")
    @Operation(summary = "Change the given fields; needs If-Match or version")
    ResponseEntity<ContactView> update(@PathVariable UUID id,
            @Parameter(description = "The ETag of the version last seen, e.g. \"3\"")
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody ContactRequest request) {
        ContactView updated = contacts.update(id, Versions.expected(ifMatch, request.version()), request.toInput());
        return ResponseEntity.ok().eTag(Versions.etag(updated.version())).body(updated);
    }

    @DeleteMapping(CONTACTS + "/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark that the person left the company (the contact and its history stay)")
    void leave(@PathVariable UUID id) {
        contacts.markLeft(id);
    }
}
