package org.clientela.clients.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.clients.SavedFilter;
import org.clientela.clients.internal.SavedFilters;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's saved views of the company list. */
@RestController
@RequestMapping("/api/v1/me/company-filters")
@Tag(name = "Companies")
class SavedFilterController {

    private final SavedFilters filters;

    SavedFilterController(SavedFilters filters) {
        this.filters = filters;
    }

    @GetMapping
    @Operation(summary = "My saved company filters")
    List<SavedFilter> mine() {
        return filters.mine();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a company filter: a name and the list's query string")
    ResponseEntity<SavedFilter> save(@RequestBody SavedFilterRequest request) {
        SavedFilter saved = filters.save(request.name(), request.query());
        return ResponseEntity.created(URI.create("/api/v1/me/company-filters/" + saved.id())).body(saved);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete one of my saved filters")
    void delete(@PathVariable UUID id) {
        filters.delete(id);
    }

    @Schema(name = "SavedFilterRequest")
    record SavedFilterRequest(@Schema(example = "Активные в Туле") String name,
            @Schema(example = "status=ACTIVE&region=Тула&sort=name") String query) {
    }
}
