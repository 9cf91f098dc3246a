package org.clientela.clients.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.clientela.clients.CompanyQuery;
import org.clientela.identity.RecordScope;

/**
 * The {@code where} clause over {@code company c} that a {@link CompanyQuery} means within a
 * user's scope, with its parameters: one definition for every list of companies (the company
 * list, its export, the prospects), so that they all find the same companies.
 *
 * @param sql       the condition, without the keyword
 * @param params    its named parameters
 * @param nothing   {@code true} when the query cannot match anything (a search of only noise words)
 */
record CompanyCriteria(String sql, Map<String, Object> params, boolean nothing) {

    /**
     * Legal forms and quotes around a name: «ООО "Ромашка"» is found as «Ромашка ООО» and «ромашка».
     * The SQL function {@code company_name_core} (V10) applies the same rule for possible duplicates:
     * a change here belongs there too.
     */
    private static final Pattern NOISE = Pattern.compile(
            "(?iu)(^|[\\s\"«»'“”„])(ооо|оао|зао|пао|нао|ао|ип|гуп|муп|llc|ltd)(?=$|[\\s\"«»'“”„.,])|[\"«»'“”„]");

    static CompanyCriteria of(CompanyQuery query, RecordScope scope) {
        StringBuilder where = new StringBuilder("c.archived_at is null");
        Map<String, Object> params = new HashMap<>();
        if (!scope.isEverything()) {
            where.append(" and c.owner_id = any(:owners)");
            params.put("owners", scope.ownerIds());
        }
        if (query.q() != null && !query.q().isBlank()) {
            Search search = searchAlternatives(query.q().strip(), params);
            if (search.idQueries().isEmpty()) {
                return new CompanyCriteria("false", Map.of(), true);
            }
            // a union of id sets, each answered by its own index. A number, a phone or an e-mail finds a
            // handful of companies: they are fetched first, as an array, because PostgreSQL cannot
            // estimate "phone_digits @> …" and would rather probe every company's people in name order.
            // Words may match thousands, and there the planner's own choice is the faster one.
            String union = String.join("\n union ", search.idQueries());
            where.append(search.selective() ? " and c.id = any(array(" + union + "))" : " and c.id in (" + union + ")");
        }
        filter(where, params, "c.status", "status", query.status() == null ? null : query.status().name());
        filter(where, params, "c.segment", "segment", query.segment());
        filter(where, params, "c.region", "region", query.region());
        filter(where, params, "c.owner_id", "ownerId", query.ownerId());
        filter(where, params, "c.source", "source", query.source() == null ? null : query.source().name());
        if (query.tag() != null && !query.tag().isBlank()) {
            where.append(" and c.tags @> array[cast(:tag as text)]");
            params.put("tag", query.tag().trim().toLowerCase(Locale.ROOT));
        }
        return new CompanyCriteria(where.toString(), params, false);
    }

    /** The id queries of a search; {@code selective} when each can only find a few companies. */
    record Search(List<String> idQueries, boolean selective) {
    }

    /**
     * The ways a search text may name a company, each a query of company ids, any of which finds
     * it: the beginning of its INN (digits only), the phone or the e-mail of one of its people, or
     * else the words of its name or of the name of one of its people. Only people still at the
     * company count: a phone or an address they left behind says nothing of it any more.
     */
    private static Search searchAlternatives(String q, Map<String, Object> params) {
        List<String> alternatives = new ArrayList<>();
        if (q.matches("\\d{1,12}")) {
            alternatives.add("select n.id from company n where n.inn like :innPrefix");
            params.put("innPrefix", q + "%");
        }
        if (PhoneNumbers.looksLikePhone(q)) {
            alternatives.add("select k.company_id from contact k where k.active"
                    + " and k.phone_digits @> array[cast(:phone as text)]");
            params.put("phone", PhoneNumbers.digits(q));
        }
        if (q.indexOf('@') > 0 && !q.matches(".*\\s.*")) {
            alternatives.add("select k.company_id from contact k where k.active"
                    + " and k.emails @> array[cast(:email as text)]");
            params.put("email", q.toLowerCase(Locale.ROOT));
        }
        if (!alternatives.isEmpty() || q.matches("\\d{1,12}")) {
            // a number, "+7 (495) 123-45-67" or "ivanov@firm.ru" is that, not the words of a name
            return new Search(alternatives, true);
        }
        List<String> words = words(q);
        if (!words.isEmpty()) {
            StringBuilder inName = new StringBuilder();
            StringBuilder inContactName = new StringBuilder();
            for (int i = 0; i < words.size(); i++) {
                inName.append(" and company_name_core(n.name) like :word").append(i);
                inContactName.append(" and lower(k.full_name) like :word").append(i);
                params.put("word" + i, "%" + escapeLike(words.get(i)) + "%");
            }
            // archived companies are left out by the list itself; saying so here lets the partial
            // trigram index on the names' cores answer
            alternatives.add("select n.id from company n where n.archived_at is null" + inName);
            alternatives.add("select k.company_id from contact k where k.active" + inContactName);
        }
        return new Search(alternatives, false);
    }

    /** The words of a name search, without legal forms and quotes, lower-cased. */
    private static List<String> words(String q) {
        String cleaned = NOISE.matcher(q.toLowerCase(Locale.ROOT)).replaceAll(" ");
        List<String> words = new ArrayList<>();
        for (String word : cleaned.trim().split("\\s+")) {
            if (!word.isBlank() && words.size() < 5) {
                words.add(word);
            }
        }
        return words;
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String column, String name,
            Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            where.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value instanceof String text ? text.trim() : value);
        }
    }
}
