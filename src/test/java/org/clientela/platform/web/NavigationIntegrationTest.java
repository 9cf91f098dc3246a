package org.clientela.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The navigation marks the entry of the page one is on, and of the pages below it. */
@IntegrationTest
class NavigationIntegrationTest {

    private static final Pattern LINK = Pattern.compile("<a [^>]*class=\"(?:nav-link|dropdown-item)[^>]*>");
    /** A page's link; the language switch's links ({@code ?lang=…}) stay on the page. */
    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"]*)\"");

    @LocalServerPort
    int port;

    /** The navigation's links, as their tags, of the page at {@code path} as the manager sees it. */
    private List<String> links(String path) {
        HttpResponse<String> response = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        String body = response.body();
        String navigation = body.substring(body.indexOf("<nav"), body.indexOf("</nav>"));
        return LINK.matcher(navigation).results().map(MatchResult::group).toList();
    }

    private static List<String> hrefs(List<String> links, String marker) {
        return links.stream().filter(link -> link.contains(marker))
                .flatMap(link -> HREF.matcher(link).results().map(href -> href.group(1))).toList();
    }

    @Test
    void theEntryOfThePageIsActiveAndCurrent() {
        List<String> home = links("/");
        assertThat(hrefs(home, " active\"")).containsExactly("/");
        assertThat(hrefs(home, "aria-current=\"page\"")).containsExactly("/");

        List<String> companies = links("/companies");
        assertThat(hrefs(companies, " active\"")).containsExactly("/companies");
        assertThat(hrefs(companies, "aria-current=\"page\"")).containsExactly("/companies");
    }

    @Test
    void aPageBelowAnEntryMarksItActiveButNotCurrent() {
        List<String> form = links("/companies/new");
        assertThat(hrefs(form, " active\"")).containsExactly("/companies");
        assertThat(hrefs(form, "aria-current=\"page\"")).isEmpty();
    }
}
