package org.clientela.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.clientela.identity.Role;
import org.clientela.identity.internal.UserManagement;
import org.clientela.identity.internal.UserManagement.UserView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * The identity pages over real HTTP, as the demo people see them: who may open what, the login
 * refusals, the password change and the personal API tokens.
 */
@IntegrationTest
class IdentityWebIntegrationTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");
    private static final String PASSWORD = "Correct-horse-7";

    @LocalServerPort
    int port;

    @Autowired
    UserManagement users;

    @Autowired
    MessageSource messages;

    @Test
    void aManagerFindsNoAdministration() {
        WebSession manager = WebSession.loggedIn(port, "manager1", "demo");

        HttpResponse<String> response = manager.get("/admin/users");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains(message("error.notFound"));
        assertThat(manager.get("/admin/teams").statusCode()).isEqualTo(404);
        assertThat(manager.get("/").body()).doesNotContain("href=\"/admin/users\"");
    }

    @Test
    void aManagerSeesThemselvesButNotAManagerOfAnotherTeam() {
        WebSession manager = WebSession.loggedIn(port, "manager1", "demo");

        HttpResponse<String> other = manager.get("/users/" + idOf("manager3"));
        HttpResponse<String> own = manager.get("/users/" + idOf("manager1"));
        HttpResponse<String> list = manager.get("/users");

        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains(message("error.notFound"));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Кузнецов Дмитрий Александрович");
        assertThat(list.body()).contains("manager1").doesNotContain("manager3").doesNotContain("manager2");
    }

    @Test
    void aHeadSeesTheirTeamOnly() {
        WebSession head = WebSession.loggedIn(port, "head", "demo");

        assertThat(head.get("/users/" + idOf("manager3")).statusCode()).isEqualTo(404);
        assertThat(head.get("/users/" + idOf("manager1")).statusCode()).isEqualTo(200);
        assertThat(head.get("/users").body()).contains("manager1", "manager2", "kam").doesNotContain("manager3");
    }

    @Test
    void theDirectorSeesEveryone() {
        WebSession director = WebSession.loggedIn(port, "director", "demo");

        HttpResponse<String> list = director.get("/users");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("director", "head", "credit", "manager1", "manager2", "manager3", "kam",
                "admin");
        assertThat(director.get("/users/" + idOf("manager3")).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownUserAnswersNotFound() {
        WebSession director = WebSession.loggedIn(port, "director", "demo");

        HttpResponse<String> response = director.get("/users/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains(message("error.page.title.404"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        WebSession manager = WebSession.loggedIn(port, "manager1", "demo");

        HttpResponse<String> response = manager.post("/profile/tokens", Map.of("name", "no token"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains(message("error.csrf"));
    }

    @Test
    void aWrongPasswordSaysSo() {
        WebSession visitor = new WebSession(port);

        HttpResponse<String> response = visitor.login("manager1", "not-the-password");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(response)).isEqualTo("/login?error=bad");
        assertThat(visitor.get("/login?error=bad").body()).contains(message("login.error.bad"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() {
        UserView user = newUser();
        WebSession visitor = new WebSession(port);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(WebSession.location(visitor.login(user.username(), "wrong-password-" + attempt)))
                    .isEqualTo("/login?error=bad");
        }

        HttpResponse<String> sixth = visitor.login(user.username(), PASSWORD);

        assertThat(WebSession.location(sixth)).isEqualTo("/login?error=locked");
        assertThat(visitor.get("/login?error=locked").body()).contains(message("login.error.locked"));
        assertThat(users.user(user.id()).locked()).isTrue();
    }

    @Test
    void anAdministratorUnlocksALockedUser() {
        UserView user = newUser();
        WebSession visitor = new WebSession(port);
        for (int attempt = 1; attempt <= 5; attempt++) {
            visitor.login(user.username(), "wrong-password-" + attempt);
        }
        WebSession admin = WebSession.loggedIn(port, "admin", "demo");
        assertThat(admin.get("/admin/users/" + user.id()).body()).contains("id=\"unlock\"");

        HttpResponse<String> unlocked = admin.submit("/admin/users/" + user.id(),
                "/admin/users/" + user.id() + "/unlock", Map.of());

        assertThat(WebSession.location(unlocked)).isEqualTo("/admin/users/" + user.id());
        assertThat(admin.get("/admin/users/" + user.id()).body()).contains(message("identity.admin.user.unlocked"))
                .doesNotContain("id=\"unlock\"");
        WebSession.loggedIn(port, user.username(), PASSWORD);
    }

    @Test
    void aWrongCurrentPasswordLeavesThePasswordAsItWas() {
        UserView user = newUser();
        WebSession session = WebSession.loggedIn(port, user.username(), PASSWORD);

        HttpResponse<String> response = session.submit("/profile", "/profile/password", Map.of(
                "currentPassword", "not-my-password", "newPassword", "Brand-new-pass-9",
                "repeatPassword", "Brand-new-pass-9"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(message("identity.password.currentWrong"))
                .containsPattern(invalid("currentPassword"));
        assertThat(new WebSession(port).login(user.username(), "Brand-new-pass-9").headers()
                .firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("error=bad"));
        WebSession.loggedIn(port, user.username(), PASSWORD);
    }

    @Test
    void aMismatchedRepeatIsAnErrorAtTheRepeatField() {
        UserView user = newUser();
        WebSession session = WebSession.loggedIn(port, user.username(), PASSWORD);

        HttpResponse<String> response = session.submit("/profile", "/profile/password", Map.of(
                "currentPassword", PASSWORD, "newPassword", "Brand-new-pass-9", "repeatPassword", "Brand-new-pass-8"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(message("identity.profile.password.mismatch"))
                .containsPattern(invalid("repeatPassword"))
                .doesNotContain("Brand-new-pass-9");
        WebSession.loggedIn(port, user.username(), PASSWORD);
    }

    @Test
    void aTooShortNewPasswordIsAnErrorAtTheNewPasswordField() {
        UserView user = newUser();
        WebSession session = WebSession.loggedIn(port, user.username(), PASSWORD);

        HttpResponse<String> response = session.submit("/profile", "/profile/password", Map.of(
                "currentPassword", PASSWORD, "newPassword", "short", "repeatPassword", "short"));

        assertThat(response.body()).contains(message("identity.password.tooShort", 8))
                .containsPattern(invalid("newPassword"));
    }

    @Test
    void theRightCurrentPasswordChangesIt() {
        UserView user = newUser();
        WebSession session = WebSession.loggedIn(port, user.username(), PASSWORD);

        HttpResponse<String> response = session.submit("/profile", "/profile/password", Map.of(
                "currentPassword", PASSWORD, "newPassword", "Brand-new-pass-9", "repeatPassword", "Brand-new-pass-9"));

        assertThat(WebSession.location(response)).isEqualTo("/profile");
        assertThat(session.get("/profile").body()).contains(message("identity.profile.password.changed"));
        WebSession.loggedIn(port, user.username(), "Brand-new-pass-9");
        assertThat(WebSession.location(new WebSession(port).login(user.username(), PASSWORD)))
                .isEqualTo("/login?error=bad");
    }

    @Test
    void aNewTokenIsShownOnceThenListedWithoutItsSecret() {
        UserView user = newUser();
        WebSession session = WebSession.loggedIn(port, user.username(), PASSWORD);

        HttpResponse<String> created = session.submit("/profile", "/profile/tokens", Map.of("name", "Выгрузка в 1С"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cacheControl -> assertThat(cacheControl).contains("no-store"));
        String firstView = created.body();
        Matcher secret = Pattern.compile("id=\"new-token-secret\"[^>]*value=\"(clt_[A-Za-z0-9_-]+)\"").matcher(firstView);
        assertThat(secret.find()).as("the secret on the page after creation").isTrue();
        String token = secret.group(1);
        assertThat(firstView).contains(message("identity.profile.token.copyNow"));

        String secondView = session.get("/profile").body();

        assertThat(secondView).doesNotContain(token).doesNotContain("new-token-secret")
                .contains("Выгрузка в 1С", token.substring(0, 10) + "…", message("identity.profile.token.active"));
    }

    @Test
    void aRevokedTokenStaysListedAsRevoked() {
        UserView user = newUser();
        WebSession session = WebSession.loggedIn(port, user.username(), PASSWORD);
        session.submit("/profile", "/profile/tokens", Map.of("name", "ci"));
        Matcher revoke = Pattern.compile("action=\"(/profile/tokens/[0-9a-f-]+/revoke)\"")
                .matcher(session.get("/profile").body());
        assertThat(revoke.find()).isTrue();

        HttpResponse<String> response = session.submit("/profile", revoke.group(1), Map.of());

        assertThat(WebSession.location(response)).isEqualTo("/profile");
        String page = session.get("/profile").body();
        assertThat(page).contains(message("identity.profile.token.revoked")).doesNotContain("/revoke\"");
    }

    @Test
    void anotherUsersTokenCannotBeRevoked() {
        WebSession owner = WebSession.loggedIn(port, newUser().username(), PASSWORD);
        owner.submit("/profile", "/profile/tokens", Map.of("name", "mine"));
        Matcher revoke = Pattern.compile("action=\"(/profile/tokens/[0-9a-f-]+/revoke)\"")
                .matcher(owner.get("/profile").body());
        assertThat(revoke.find()).isTrue();
        WebSession stranger = WebSession.loggedIn(port, newUser().username(), PASSWORD);

        assertThat(stranger.submit("/profile", revoke.group(1), Map.of()).statusCode()).isEqualTo(404);
        assertThat(owner.get("/profile").body()).contains(revoke.group(1));
    }

    @Test
    void anAdministratorCreatesAUserWithFieldErrorsFirst() {
        WebSession admin = WebSession.loggedIn(port, "admin", "demo");
        String username = uniqueUsername();

        HttpResponse<String> invalid = admin.submit("/admin/users/new", "/admin/users/new", Map.of(
                "username", "Bad Name!", "fullName", "", "email", "", "teamId", "", "password", "Valid-pass-42"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).containsPattern(invalid("fullName"))
                .contains(message("NotBlank"), message("identity.user.rolesRequired"));

        HttpResponse<String> created = admin.post("/admin/users/new", WebSession.encode(Map.of(
                "_csrf", WebSession.csrfToken(admin.get("/admin/users/new").body()),
                "username", username, "fullName", "Проверкин Пётр", "email", "", "teamId", "",
                "password", "Valid-pass-42")) + "&roles=MANAGER&roles=KEY_ACCOUNT_MANAGER");

        assertThat(WebSession.location(created)).isEqualTo("/admin/users");
        assertThat(admin.get("/admin/users").body()).contains(username, "Проверкин Пётр",
                HtmlUtils.htmlEscape(message("identity.admin.user.created", "Проверкин Пётр"), "UTF-8"));
        UserView user = users.allUsers().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.KEY_ACCOUNT_MANAGER);
        WebSession.loggedIn(port, username, "Valid-pass-42");
    }

    @Test
    void aTakenUsernameIsAnErrorAtTheUsernameField() {
        WebSession admin = WebSession.loggedIn(port, "admin", "demo");

        HttpResponse<String> response = admin.post("/admin/users/new", WebSession.encode(Map.of(
                "_csrf", WebSession.csrfToken(admin.get("/admin/users/new").body()),
                "username", "manager1", "fullName", "Двойник", "password", "Valid-pass-42", "roles", "MANAGER")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsPattern(invalid("username"))
                .contains(HtmlUtils.htmlEscape(message("identity.user.usernameTaken", "manager1"), "UTF-8"));
    }

    @Test
    void anEditOfAStaleVersionIsRefusedWithAClearMessage() {
        UserView user = newUser();
        WebSession admin = WebSession.loggedIn(port, "admin", "demo");
        String page = "/admin/users/" + user.id();
        users.update(user.id(), user.version(), new UserManagement.UserChanges("Изменён другим", null, null,
                EnumSet.of(Role.MANAGER), true));

        HttpResponse<String> response = admin.post(page, WebSession.encode(Map.of(
                "_csrf", WebSession.csrfToken(admin.get(page).body()), "version", String.valueOf(user.version()),
                "fullName", "Моя правка", "email", "", "teamId", "", "roles", "MANAGER", "enabled", "true")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("global-errors", "id=\"reload-user\"", message("error.conflict.staleVersion",
                "User", user.id(), user.version(), user.version() + 1));
        assertThat(users.user(user.id()).fullName()).isEqualTo("Изменён другим");
    }

    @Test
    void anEditSavesAndShowsInTheHistory() {
        UserView user = newUser();
        WebSession admin = WebSession.loggedIn(port, "admin", "demo");
        String page = "/admin/users/" + user.id();

        HttpResponse<String> response = admin.post(page, WebSession.encode(Map.of(
                "_csrf", WebSession.csrfToken(admin.get(page).body()), "version", String.valueOf(user.version()),
                "fullName", "Новое Имя", "email", "new@example.com", "teamId", "", "roles", "HEAD",
                "enabled", "true")));

        assertThat(WebSession.location(response)).isEqualTo("/admin/users");
        UserView saved = users.user(user.id());
        assertThat(saved.fullName()).isEqualTo("Новое Имя");
        assertThat(saved.roles()).containsExactly(Role.HEAD);
        String card = admin.get("/users/" + user.id()).body();
        assertThat(card).contains("id=\"history\"", message("audit.action.CREATED"), message("audit.action.UPDATED"),
                "Новое Имя", "new@example.com", message("identity.user.field.fullName"));
    }

    @Test
    void anAdministratorResetsAPassword() {
        UserView user = newUser();
        WebSession admin = WebSession.loggedIn(port, "admin", "demo");
        String page = "/admin/users/" + user.id();

        HttpResponse<String> tooShort = admin.submit(page, page + "/password", Map.of("newPassword", "short"));
        assertThat(tooShort.body()).containsPattern(invalid("newPassword"));

        HttpResponse<String> reset = admin.submit(page, page + "/password", Map.of("newPassword", "Handed-over-77"));

        assertThat(WebSession.location(reset)).isEqualTo(page);
        WebSession.loggedIn(port, user.username(), "Handed-over-77");
    }

    @Test
    void anAdministratorCreatesAndRenamesATeam() {
        WebSession admin = WebSession.loggedIn(port, "admin", "demo");
        String name = "Команда " + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> created = admin.submit("/admin/teams", "/admin/teams", Map.of("name", name));
        assertThat(WebSession.location(created)).isEqualTo("/admin/teams");
        UserManagement.TeamView team = users.allTeams().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow();

        HttpResponse<String> taken = admin.submit("/admin/teams", "/admin/teams/" + team.id(),
                Map.of("name", "Клиентский отдел", "version", String.valueOf(team.version())));
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(taken.body()).contains("id=\"rename-card\"")
                .containsPattern(invalid("name"));

        HttpResponse<String> renamed = admin.submit("/admin/teams", "/admin/teams/" + team.id(),
                Map.of("name", name + " Север", "version", String.valueOf(team.version())));
        assertThat(WebSession.location(renamed)).isEqualTo("/admin/teams");
        assertThat(admin.get("/admin/teams").body()).contains(name + " Север");

        HttpResponse<String> stale = admin.submit("/admin/teams", "/admin/teams/" + team.id(),
                Map.of("name", name + " Юг", "version", String.valueOf(team.version())));
        assertThat(stale.body()).contains("global-errors");
        assertThat(users.team(team.id()).name()).isEqualTo(name + " Север");
    }

    /** An input or select with the {@code id} that Bootstrap shows as invalid. */
    private static String invalid(String id) {
        return "<(input|select)(?=[^>]*\\bid=\"" + id + "\")(?=[^>]*\\bis-invalid\\b)[^>]*>";
    }

    private UserView newUser() {
        return users.create(new UserManagement.NewUser(uniqueUsername(), "Тестов Тест", null, PASSWORD, null,
                EnumSet.of(Role.MANAGER)));
    }

    private static String uniqueUsername() {
        return "t-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private UUID idOf(String username) {
        return users.allUsers().stream().filter(user -> user.username().equals(username)).findFirst()
                .orElseThrow().id();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, RUSSIAN);
    }
}
