package org.clientela.activities.api;

import org.clientela.activities.internal.CalendarFeeds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's personal iCalendar feed: its secret address, and its revocation. */
@RestController
@RequestMapping(CalendarFeedController.PATH)
@Tag(name = "Activities", description = "Calls, meetings, visits, letters with the clients: planned, done, cancelled")
class CalendarFeedController {

    static final String PATH = "/api/v1/me/calendar-feed";

    private final CalendarFeeds feeds;

    CalendarFeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    /** @param url the feed's address, which a calendar program subscribes to without logging in */
    record FeedResponse(String url) {
    }

    @GetMapping
    @Operation(summary = "The address of the caller's iCalendar feed (RFC 5545) of their activities",
            description = "Made on the first call; the same address on later calls until it is revoked.")
    FeedResponse feed() {
        return new FeedResponse(CalendarFeeds.address(
                ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), feeds.tokenOfCurrentUser()));
    }

    @DeleteMapping
    @Operation(summary = "Revoke the caller's iCalendar feed: its address answers 404 from now on",
            description = "A later GET makes a new address.")
    ResponseEntity<Void> revoke() {
        feeds.revokeOfCurrentUser();
        return ResponseEntity.noContent().build();
    }
}
