package org.clientela.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.clientela.shared.InvalidInputException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The sortable properties of one API list and the SQL each one sorts by. A list checks the
 * caller's {@link Pageable} here ({@link #check}): a property outside the list answers 400 on the
 * field {@code sort} instead of reaching SQL, and an unsorted request gets the default order.
 * {@link #orderBy} then writes the {@code order by} clause from the whitelisted columns only.
 * The page size is capped by Spring Data ({@code spring.data.web.pageable.max-page-size}).
 *
 * <pre>{@code
 * static final Paging SORT = Paging.sortableBy(Map.of("fullName", "u.full_name"), Sort.by("fullName"));
 * PageRequest page = SORT.check(pageable);
 * jdbc.sql("select … order by " + SORT.orderBy(page, "u.id") + " limit :limit offset :offset")
 * }</pre>
 */
public final class Paging {

    public static final String SORT_PARAMETER = "sort";
    static final String UNKNOWN_SORT = "error.sort.unknown";

    private final Map<String, String> columns;
    private final Sort defaultSort;

    private Paging(Map<String, String> columns, Sort defaultSort) {
        this.columns = columns;
        this.defaultSort = defaultSort;
    }

    /**
     * @param columns     API property (as in {@code ?sort=fullName,desc}) to SQL expression
     * @param defaultSort the order of a request that names none; its properties must be sortable
     */
    public static Paging sortableBy(Map<String, String> columns, Sort defaultSort) {
        Paging paging = new Paging(Map.copyOf(columns), Objects.requireNonNull(defaultSort, "defaultSort"));
        defaultSort.forEach(order -> {
            if (!paging.columns.containsKey(order.getProperty())) {
                throw new IllegalArgumentException("Default sort " + order.getProperty() + " is not sortable");
            }
        });
        return paging;
    }

    /** The request's page with a checked sort; unsorted requests get the default sort. */
    public PageRequest check(Pageable pageable) {
        if (pageable.isUnpaged()) {
            throw new IllegalArgumentException("API lists are always paged");
        }
        Sort sort = pageable.getSort().isSorted() ? pageable.getSort() : defaultSort;
        for (Sort.Order order : sort) {
            if (!columns.containsKey(order.getProperty())) {
                throw new InvalidInputException(SORT_PARAMETER, UNKNOWN_SORT, order.getProperty(),
                        String.join(", ", columns.keySet().stream().sorted().toList()));
            }
        }
        return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort);
    }

    /**
     * The SQL {@code order by} list (without the keywords) of a checked page, ended by
     * {@code tieBreaker} (a unique column) so that pages never overlap or skip a row.
     */
    public String orderBy(PageRequest page, String tieBreaker) {
        Map<String, String> clauses = new LinkedHashMap<>();
        for (Sort.Order order : page.getSort()) {
            String column = columns.get(order.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("Unchecked sort property " + order.getProperty());
            }
            clauses.putIfAbsent(column, column + (order.isAscending() ? " asc" : " desc"));
        }
        clauses.putIfAbsent(tieBreaker, tieBreaker);
        return clauses.values().stream().collect(Collectors.joining(", "));
    }
}
