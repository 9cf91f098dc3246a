package org.clientela.clients.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.clients.CompanyView;
import org.clientela.clients.internal.DuplicateService;
import org.clientela.clients.internal.DuplicateService.PossibleDuplicate;
import org.clientela.platform.Versions;
import org.clientela.shared.VersionRequiredException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Duplicates in the client base: the companies that may be the same client, and their merge. */
@RestController
@RequestMapping("/api/v1/companies")
@Tag(name = "Companies", description = "The client base: companies within the caller's access")
class DuplicateController {

    private final DuplicateService duplicates;

    DuplicateController(DuplicateService duplicates) {
        this.duplicates = duplicates;
    }

    @GetMapping("/{id}/duplicates")
    @Operation(summary = "The companies that may be the same client as this one",
            description = "Live companies the caller may see with the same INN (another KPP: reason SAME_INN) "
                    + "or a nearly equal name, legal forms and quotes left out (SIMILAR_NAME); at most 10.")
    List<PossibleDuplicate> duplicates(@PathVariable UUID id) {
        return duplicates.possibleDuplicates(id);
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize("@duplicateService.mayMerge()")
    @Operation(summary = "Merge a duplicate into this company (head, director, administrator)",
            description = "In one transaction: the duplicate's contacts move here, its dossier fills this one's "
                    + "empty fields (texts both have are both kept, key dates united), tags are united, every "
                    + "module's references move here, and the duplicate is archived; reading it afterwards "
                    + "answers it with mergedInto = this company. Both versions are required; 409 when either "
                    + "is stale, or when either company is archived or merged already.")
    @ApiResponse(responseCode = "200", description = "This company after the merge")
    @ApiResponse(responseCode = "428", description = "survivorVersion or duplicateVersion missing",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<CompanyView> merge(@PathVariable UUID id, @RequestBody MergeRequest request) {
        if (request.survivorVersion() == null || request.duplicateVersion() == null) {
            throw new VersionRequiredException();
        }
        CompanyView survivor = duplicates.merge(id, request.survivorVersion(), request.duplicateId(),
                request.duplicateVersion());
        return ResponseEntity.ok().eTag(Versions.etag(survivor.version())).body(survivor);
    }
}
