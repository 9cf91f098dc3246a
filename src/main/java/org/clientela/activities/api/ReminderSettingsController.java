package org.clientela.activities.api;

import java.util.List;

import org.clientela.activities.internal.Reminders;
import org.clientela.identity.CurrentUser;
import org.clientela.platform.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's own reminders before their activities: by e-mail and on the pages. */
@RestController
@RequestMapping(ReminderSettingsController.PATH)
@Tag(name = "Activities")
class ReminderSettingsController {

    static final String PATH = "/api/v1/me/reminder-settings";

    private final Reminders reminders;

    ReminderSettingsController(Reminders reminders) {
        this.reminders = reminders;
    }

    /**
     * @param minutesBefore the offsets in force, the largest first; empty for no reminders
     * @param own           whether the caller chose them; else they are the department's
     * @param department    the department's offsets
     */
    record SettingsResponse(List<Integer> minutesBefore, boolean own, List<Integer> department, long version) {

        static SettingsResponse of(Reminders.Choice choice) {
            return new SettingsResponse(choice.minutesBefore(), choice.own(), choice.department(), choice.version());
        }
    }

    /** @param minutesBefore {@code null} (or absent) for the department's offsets, empty for none */
    record SettingsRequest(List<Integer> minutesBefore, Long version) {
    }

    @GetMapping
    @Operation(summary = "The caller's reminders: how many minutes before each planned activity, its version as ETag")
    ResponseEntity<SettingsResponse> settings() {
        Reminders.Choice choice = reminders.of(CurrentUser.get().id());
        return ResponseEntity.ok().eTag(Versions.etag(choice.version())).body(SettingsResponse.of(choice));
    }

    @PutMapping
    @Operation(summary = "Choose the caller's reminders; needs If-Match or version (0 before the first choice)",
            description = "minutesBefore: up to 5 offsets of 1 to 1440 minutes, e.g. [60, 15]; [] for no reminders; "
                    + "null for the department's.")
    ResponseEntity<SettingsResponse> change(
            @Parameter(description = "The ETag of the version last seen, e.g. \"0\"")
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody SettingsRequest request) {
        Reminders.Choice choice = reminders.change(CurrentUser.get().id(), Versions.expected(ifMatch,
                request.version()), request.minutesBefore());
        return ResponseEntity.ok().eTag(Versions.etag(choice.version())).body(SettingsResponse.of(choice));
    }
}
