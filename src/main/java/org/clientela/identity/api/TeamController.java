package org.clientela.identity.api;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.clientela.identity.internal.UserManagement;
import org.clientela.identity.internal.UserManagement.TeamView;
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
 * Teams. Their names and sizes are no secret inside the department: every user reads them; only
 * administrators create and rename teams.
 */
@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams", description = "Teams of the department; writes for administrators")
class TeamController {

    private final UserManagement userManagement;

    TeamController(UserManagement userManagement) {
        this.userManagement = userManagement;
    }

    @GetMapping
    @Operation(summary = "The teams", description = "Sortable by name, memberCount; e.g. sort=name,desc")
    PageResponse<TeamResponse> teams(@ParameterObject Pageable pageable) {
        return userManagement.teams(pageable).map(TeamResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One team; its version is the ETag")
    ResponseEntity<TeamResponse> team(@PathVariable UUID id) {
        return withETag(ResponseEntity.ok(), userManagement.team(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a team (administrators)")
    ResponseEntity<TeamResponse> create(@Valid @RequestBody CreateTeamRequest request) {
        TeamView created = userManagement.createTeam(request.name());
        return withETag(ResponseEntity.created(URI.create("/api/v1/teams/" + created.id())), created);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rename a team (administrators); needs If-Match or version")
    ResponseEntity<TeamResponse> rename(@PathVariable UUID id,
            @Parameter(description = "The ETag of the version last seen, e.g. \"3\"")
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody UpdateTeamRequest request) {
        long expected = Versions.expected(ifMatch, request.version());
        return withETag(ResponseEntity.ok(), userManagement.renameTeam(id, expected, request.name()));
    }

    private static ResponseEntity<TeamResponse> withETag(ResponseEntity.BodyBuilder response, TeamView team) {
        return response.eTag(Versions.etag(team.version())).body(TeamResponse.of(team));
    }
}
