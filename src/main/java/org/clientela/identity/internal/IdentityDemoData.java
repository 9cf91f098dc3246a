package org.clientela.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.clientela.identity.Role;
import org.clientela.identity.TeamId;
import org.clientela.platform.DemoDataContributor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The people of the demo glass-unit factory, all with the password {@code demo} (listed in the
 * README). Ids are derived from the usernames, so later modules' demo data can refer to them.
 */
@Component
class IdentityDemoData implements DemoDataContributor {

    static final String PASSWORD = "demo";
    static final String CLIENT_DEPARTMENT = "Клиентский отдел";
    static final String REGIONAL_SALES = "Отдел региональных продаж";

    record DemoUser(String username, String fullName, String team, Set<Role> roles) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("director", "Соколов Андрей Викторович", null, EnumSet.of(Role.DIRECTOR)),
            new DemoUser("head", "Морозова Елена Сергеевна", CLIENT_DEPARTMENT, EnumSet.of(Role.HEAD)),
            new DemoUser("credit", "Васильева Ольга Николаевна", null, EnumSet.of(Role.CREDIT_CONTROLLER)),
            new DemoUser("manager1", "Кузнецов Дмитрий Александрович", CLIENT_DEPARTMENT, EnumSet.of(Role.MANAGER)),
            new DemoUser("manager2", "Смирнова Анна Игоревна", CLIENT_DEPARTMENT, EnumSet.of(Role.MANAGER)),
            new DemoUser("manager3", "Попов Игорь Петрович", REGIONAL_SALES, EnumSet.of(Role.MANAGER)),
            new DemoUser("kam", "Лебедева Мария Владимировна", CLIENT_DEPARTMENT,
                    EnumSet.of(Role.KEY_ACCOUNT_MANAGER, Role.MANAGER)),
            new DemoUser("admin", "Новиков Сергей Олегович", null, EnumSet.of(Role.ADMIN)),
            new DemoUser("production", "Фёдоров Павел Андреевич", null, EnumSet.of(Role.PRODUCTION)));

    private final UserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    IdentityDemoData(UserRepository users, TeamRepository teams, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** The id a demo user always has, for other modules' demo data. */
    static UUID idOf(String username) {
        return UUID.nameUUIDFromBytes(("clientela-demo:user:" + username).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public boolean hasData() {
        return users.count() > 0;
    }

    @Override
    public void load() {
        Team clientDepartment = new Team(teamId(CLIENT_DEPARTMENT), CLIENT_DEPARTMENT, null);
        Team regionalSales = new Team(teamId(REGIONAL_SALES), REGIONAL_SALES, null);
        teams.saveAll(List.of(clientDepartment, regionalSales));
        // one hash for all: they share the password, and bcrypt is slow on purpose
        String hash = passwordEncoder.encode(PASSWORD);
        for (DemoUser demo : USERS) {
            TeamId team = demo.team() == null ? null : new TeamId(teamId(demo.team()));
            users.save(User.create(idOf(demo.username()), demo.username(), demo.fullName(),
                    demo.username() + "@demo.clientela.local", hash, team, demo.roles(), clock.instant()));
        }
    }

    private static UUID teamId(String name) {
        return UUID.nameUUIDFromBytes(("clientela-demo:team:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
