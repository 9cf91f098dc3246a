package org.clientela.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list as the API returns it.
 *
 * @param totalExact {@code false} when the list was counted only up to a cap: there are at least
 *                   {@code totalElements} rows (a search matching half the client base need not
 *                   count every one to show its first page)
 */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages,
        boolean totalExact) {

    public static <T> PageResponse<T> of(List<T> content, int page, int size, long totalElements) {
        return new PageResponse<>(List.copyOf(content), page, size, totalElements, pages(totalElements, size), true);
    }

    /**
     * A page of a list counted with {@code limit cap + 1}: a count above {@code cap} means "more than
     * cap".
     */
    public static <T> PageResponse<T> ofCappedCount(List<T> content, int page, int size, long counted, long cap) {
        boolean exact = counted <= cap;
        long total = exact ? counted : cap;
        return new PageResponse<>(List.copyOf(content), page, size, total, pages(total, size), exact);
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(content.stream().map(mapper).toList(), page, size, totalElements, totalPages,
                totalExact);
    }

    private static int pages(long total, int size) {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
