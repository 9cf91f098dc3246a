package org.clientela.identity.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.internal.ApiTokens;
import org.clientela.identity.internal.UserManagement;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller and their personal API tokens; every user may use it for themselves only. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The caller and their personal API tokens")
class MeController {

    private final UserManagement userManagement;
    private final ApiTokens tokens;

    MeController(UserManagement userManagement, ApiTokens tokens) {
        this.userManagement = userManagement;
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "Who the caller is: roles and team")
    MeResponse me() {
        return MeResponse.of(userManagement.user(CurrentUser.get().id().value()));
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a personal API token; its secret is in this answer only",
            description = "Only with the password (HTTP Basic): a token may not make new tokens (403).")
    ResponseEntity<CreatedTokenResponse> createToken(@Valid @RequestBody CreateTokenRequest request) {
        if (ApiTokens.currentRequestUsesToken()) {
            throw new AccessDeniedException("A token may not create tokens");
        }
        CreatedTokenResponse created = CreatedTokenResponse.of(tokens.create(CurrentUser.get().id(), request.name()));
        return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + created.id())).body(created);
    }

    @GetMapping("/tokens")
    @Operation(summary = "The caller's tokens, newest first, without secrets")
    List<TokenResponse> tokens() {
        return tokens.listOf(CurrentUser.get().id()).stream().map(TokenResponse::of).toList();
    }

    @GetMapping("/tokens/{id}")
    @Operation(summary = "One of the caller's tokens, without its secret")
    TokenResponse token(@PathVariable UUID id) {
        return tokens.listOf(CurrentUser.get().id()).stream()
                .filter(token -> token.id().equals(id))
                .findFirst()
                .map(TokenResponse::of)
                .orElseThrow(() -> new RecordNotFoundException("ApiToken", id));
    }

    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "Revoke one of the caller's tokens; it is refused from then on")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@PathVariable UUID id) {
        tokens.revoke(CurrentUser.get().id(), id);
    }
}
