package org.clientela.activities.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.clientela.activities.internal.CalendarFeeds;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The personal iCalendar feed: the file a calendar program fetches at the secret address (no
 * login: the address is the key), and the agenda's card that shows the address, copies and
 * revokes it.
 */
@Controller
class CalendarFeedPageController {

    static final String CARD = "activities/calendar-feed :: card";
    static final String CARD_PATH = AgendaController.PATH + "/calendar-feed";
    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;

    CalendarFeedPageController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    /** A revoked or unknown token answers a bare 404: nothing tells it from an address never made. */
    @GetMapping(CalendarFeeds.PATH + "/{token}.ics")
    @ResponseBody
    ResponseEntity<String> feed(@PathVariable String token) {
        String base = base();
        return feeds.feed(token, company -> base + "/companies/" + company)
                .map(calendar -> ResponseEntity.ok().contentType(CALENDAR).body(calendar))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping(CARD_PATH)
    String card(Model model) {
        return card(feeds.existingTokenOfCurrentUser(), model);
    }

    @PostMapping(CARD_PATH)
    String make(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String token = feeds.tokenOfCurrentUser();
        return htmx == null ? "redirect:" + AgendaController.PATH : card(Optional.of(token), model);
    }

    @PostMapping(CARD_PATH + "/revoke")
    String revoke(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        feeds.revokeOfCurrentUser();
        model.addAttribute("revoked", true);
        return htmx == null ? "redirect:" + AgendaController.PATH : card(Optional.empty(), model);
    }

    private String card(Optional<String> token, Model model) {
        model.addAttribute("feedUrl", token.map(secret -> CalendarFeeds.address(base(), secret)).orElse(null));
        return CARD;
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
