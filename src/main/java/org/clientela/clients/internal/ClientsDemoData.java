package org.clientela.clients.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.clientela.clients.CompanySource;
import org.clientela.clients.CompanyStatus;
import org.clientela.clients.DecisionRole;
import org.clientela.clients.LegalForm;
import org.clientela.clients.internal.Company.CompanyDetails;
import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserId;
import org.clientela.platform.DemoDataContributor;
import org.clientela.shared.Inn;
import org.clientela.shared.Ogrn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clients of the demo glass-unit factory: 300 window makers, builders, façade firms and
 * dealers around Moscow, with valid registration numbers, spread over the managers, one to four
 * people at each and a dossier for about a third. The same
 * seed gives the same world on every machine.
 */
@Component
class ClientsDemoData implements DemoDataContributor {

    static final int COMPANIES = 300;
    private static final long SEED = 20261127L;

    private static final String[] NAME_STARTS = {"Окна", "Стекло", "Фасад", "Тепло", "Свет", "Дом", "Строй",
            "Профиль", "Альфа", "Вектор", "Горизонт", "Кристалл", "Монолит", "Панорама", "Престиж", "Север",
            "Техно", "Уют", "Эталон", "Янтарь"};
    private static final String[] NAME_ENDS = {"Плюс", "Сервис", "Групп", "Мастер", "Про", "Комплект", "Монтаж",
            "Торг", "Индустрия", "Лайн", "Центр", "Стиль"};
    private static final String[] SURNAMES = {"Иванов", "Петров", "Сидоров", "Смирнов", "Волков", "Фёдоров",
            "Морозов", "Николаев", "Орлов", "Захаров"};
    private static final String[] INITIALS = {"А. В.", "И. С.", "Д. Н.", "С. П.", "В. А.", "М. Ю."};
    private static final String[] REGIONS = {"Москва", "Московская область", "Тула", "Калуга", "Рязань",
            "Владимир", "Ярославль", "Тверь", "Смоленск", "Нижний Новгород"};
    private static final String[] STREETS = {"ул. Ленина", "ул. Заводская", "пр-т Мира", "ул. Строителей",
            "ш. Энтузиастов", "ул. Промышленная", "ул. Садовая"};
    private static final String[] SEGMENTS = {"Оконные компании", "Строительные компании", "Фасадные компании",
            "Дилеры", "Застройщики", "Мебельные производства"};
    private static final String[] SIZES = {"малый", "средний", "крупный"};
    private static final String[] TAGS = {"энергосбережение", "триплекс", "большие размеры", "срочные заказы",
            "самовывоз", "тендеры"};
    private static final String[] LOST_REASONS = {"Ушёл к конкуренту из-за цены", "Закрыл производство",
            "Недоволен сроками поставки", "Перешёл на собственное производство стеклопакетов"};

    private static final String[] MALE_NAMES = {"Андрей", "Алексей", "Сергей", "Дмитрий", "Михаил"};
    private static final String[] FEMALE_NAMES = {"Елена", "Ольга", "Наталья", "Ирина", "Татьяна"};
    private static final String[] PATRONYMICS_MALE = {"Андреевич", "Викторович", "Сергеевич", "Павлович"};
    private static final String[] PATRONYMICS_FEMALE = {"Андреевна", "Викторовна", "Сергеевна", "Павловна"};
    private static final String[][] POSITIONS = {
            {"Генеральный директор", "DECISION_MAKER"}, {"Коммерческий директор", "DECISION_MAKER"},
            {"Главный инженер", "INFLUENCER"}, {"Начальник отдела снабжения", "INFLUENCER"},
            {"Менеджер по закупкам", "USER"}, {"Секретарь", "GATEKEEPER"}};
    private static final String[] NEEDS = {"Стеклопакеты 4-16-4 с аргоном для ПВХ-окон, 600–900 м² в месяц",
            "Двухкамерные 4-10-4-10-4 для новостроек, поставки графиком под объекты",
            "Триплекс и закалённое стекло для фасадов", "Энергосберегающие стеклопакеты с низкоэмиссионным стеклом",
            "Большие размеры до 2,5 × 4 м для витрин"};
    private static final String[] MOTIVES = {"цена и отсрочка платежа", "сроки изготовления 3–5 дней",
            "стабильное качество без рекламаций", "доставка на объект своим транспортом"};

    private final CompanyRepository companies;
    private final ContactRepository contacts;
    private final UserDirectory userDirectory;
    private final JdbcClient jdbc;
    private final Clock clock;

    ClientsDemoData(CompanyRepository companies, ContactRepository contacts, UserDirectory userDirectory,
            JdbcClient jdbc, Clock clock) {
        this.companies = companies;
        this.contacts = contacts;
        this.userDirectory = userDirectory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "clients";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public boolean hasData() {
        return companies.count() > 0;
    }

    @Override
    public void load() {
        List<UserId> owners = userDirectory.withRole(Role.MANAGER).stream().map(UserDirectory.UserSummary::id).toList();
        if (owners.isEmpty()) {
            return;
        }
        Random random = new Random(SEED);
        Set<String> names = new HashSet<>();
        Set<String> inns = new HashSet<>();
        Instant now = clock.instant();
        List<Company> batch = new ArrayList<>();
        for (int i = 0; i < COMPANIES; i++) {
            boolean soleTrader = random.nextInt(10) == 0;
            LegalForm form = soleTrader ? LegalForm.IP : pick(random, LegalForm.OOO, LegalForm.OOO, LegalForm.OOO,
                    LegalForm.AO, LegalForm.PAO);
            String name;
            do {
                name = soleTrader ? pick(random, SURNAMES) + " " + pick(random, INITIALS)
                        : pick(random, NAME_STARTS) + "-" + pick(random, NAME_ENDS)
                                + (random.nextInt(3) == 0 ? " " + (random.nextInt(90) + 10) : "");
            } while (!names.add(name));
            String inn;
            do {
                inn = soleTrader ? soleTraderInn(random) : organisationInn(random);
            } while (!inns.add(inn));
            String region = pick(random, REGIONS);
            String address = region + ", " + pick(random, STREETS) + ", д. " + (random.nextInt(120) + 1);
            CompanyStatus status = pick(random, CompanyStatus.ACTIVE, CompanyStatus.ACTIVE, CompanyStatus.ACTIVE,
                    CompanyStatus.ACTIVE, CompanyStatus.ACTIVE, CompanyStatus.ACTIVE, CompanyStatus.PROSPECT,
                    CompanyStatus.PROSPECT, CompanyStatus.DORMANT, CompanyStatus.LOST);
            List<String> tags = random.nextInt(3) == 0 ? List.of(pick(random, TAGS)) : List.of();
            CompanyDetails details = new CompanyDetails(name, form, inn,
                    soleTrader ? null : inn.substring(0, 4) + "01001", ogrn(random, soleTrader), address,
                    random.nextBoolean() ? address : null, null, null, null, null, pick(random, SEGMENTS), region,
                    pick(random, SIZES), pick(random, CompanySource.values()), tags);
            batch.add(Company.register(idOf(i), details, status,
                    status == CompanyStatus.LOST ? pick(random, LOST_REASONS) : null, owners.get(i % owners.size()),
                    now));
        }
        companies.saveAll(batch);
        List<Contact> people = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Company company = batch.get(i);
            int count = 1 + random.nextInt(4);
            for (int n = 0; n < count; n++) {
                people.add(Contact.add(UUID.nameUUIDFromBytes(("clientela-demo:contact:" + i + ":" + n)
                        .getBytes(StandardCharsets.UTF_8)), company.companyId(), person(random, i, n), now));
            }
            if (random.nextInt(3) == 0) {
                writeDossier(random, company, now);
            }
        }
        contacts.saveAll(people);
    }

    private static Contact.ContactDetails person(Random random, int company, int n) {
        boolean female = random.nextBoolean();
        String surname = pick(random, SURNAMES) + (female ? "а" : "");
        String fullName = surname + " " + (female ? pick(random, FEMALE_NAMES) : pick(random, MALE_NAMES)) + " "
                + (female ? pick(random, PATRONYMICS_FEMALE) : pick(random, PATRONYMICS_MALE));
        String[] position = POSITIONS[n == 0 ? random.nextInt(2) : 2 + random.nextInt(POSITIONS.length - 2)];
        String phone = String.format("+7 (%03d) %03d-%02d-%02d", 400 + random.nextInt(100), random.nextInt(1000),
                random.nextInt(100), random.nextInt(100));
        return new Contact.ContactDetails(fullName, position[0], DecisionRole.valueOf(position[1]), List.of(phone),
                List.of("contact" + n + "@firm" + company + ".example"), null,
                random.nextInt(4) == 0 ? LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12),
                        1 + random.nextInt(28)) : null, null);
    }

    private void writeDossier(Random random, Company company, Instant now) {
        jdbc.sql("""
                        insert into company_dossier (company_id, annual_revenue, staff_size, needs, purchase_motives,
                            version, updated_at, updated_by)
                        values (:id, :revenue, :staff, :needs, :motives, 1, :now, 'system')
                        """)
                .param("id", company.id())
                .param("revenue", java.math.BigDecimal.valueOf(5_000_000L + random.nextInt(500) * 1_000_000L))
                .param("staff", 10 + random.nextInt(500))
                .param("needs", pick(random, NEEDS))
                .param("motives", pick(random, MOTIVES))
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    /** The id a demo company always has, for other modules' demo data. */
    static UUID idOf(int number) {
        return UUID.nameUUIDFromBytes(("clientela-demo:company:" + number).getBytes(StandardCharsets.UTF_8));
    }

    /** Nine random digits and the one check digit that makes a valid INN. */
    private static String organisationInn(Random random) {
        String base = "7" + digits(random, 8);
        for (int check = 0; check <= 9; check++) {
            if (Inn.isValid(base + check)) {
                return base + check;
            }
        }
        throw new IllegalStateException("Some check digit always fits");
    }

    private static String soleTraderInn(Random random) {
        String base = "50" + digits(random, 8);
        for (int check = 0; check <= 99; check++) {
            String candidate = base + String.format("%02d", check);
            if (Inn.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Some check digits always fit");
    }

    private static String ogrn(Random random, boolean soleTrader) {
        String base = soleTrader ? "3" + digits(random, 13) : "1" + digits(random, 11);
        for (int check = 0; check <= 9; check++) {
            if (Ogrn.isValid(base + check)) {
                return base + check;
            }
        }
        throw new IllegalStateException("Some check digit always fits");
    }

    private static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
