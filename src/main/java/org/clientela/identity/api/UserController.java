package org.clientela.identity.api;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.clientela.identity.internal.UserManagement;
import org.clientela.identity.internal.UserManagement.UserView;
import org.clientela.platform.Versions;
import org.clientela.shared.PageResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users. Everyone reads the users the access policy lets them see (a manager himself, a head
 * their team, director, credit controller and administrator everyone); only administrators
 * create and change users.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Users of Clientela; writes for administrators")
class UserController {

    private final UserManagement userManagement;

    UserController(UserManagement userManagement) {
        this.userManagement = userManagement;
    }

    @GetMapping
    @Operation(summary = "The users the caller may see",
            description = "Sortable by username, fullName, email, team, enabled; e.g. sort=fullName,desc")
    PageResponse<UserResponse> users(@ParameterObject Pageable pageable) {
        return userManagement.visibleUsers(pageable).map(UserResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user the caller may see; its version is the ETag")
    ResponseEntity<UserResponse> user(@PathVariable UUID id) {
        return withETag(ResponseEntity.ok(), userManagement.visibleUser(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a user (administrators)")
    ResponseEntity<UserResponse> create(@Valid @RequestBody CreateUserRequest request) {
        UserView created = userManagement.create(request.toCommand());
        return withETag(ResponseEntity.created(URI.create("/api/v1/users/" + created.id())), created);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a user (administrators); needs If-Match or version")
    ResponseEntity<UserResponse> update(@PathVariable UUID id,
            @Parameter(description = "The ETag of the version last seen, e.g. \"3\"")
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody UpdateUserRequest request) {
        long expected = Versions.expected(ifMatch, request.version());
        UserView current = userManagement.user(id);
        UserView updated = userManagement.update(id, expected, request.applyTo(current));
        return withETag(ResponseEntity.ok(), updated);
    }

    private static ResponseEntity<UserResponse> withETag(ResponseEntity.BodyBuilder response, UserView user) {
        return response.eTag(Versions.etag(user.version())).body(UserResponse.of(user));
    }
}
