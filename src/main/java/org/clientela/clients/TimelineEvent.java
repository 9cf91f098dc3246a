package org.clientela.clients;

import java.time.Instant;

/**
 * One line of a company's timeline.
 *
 * @param kind   what happened, stable for programs, e.g. {@code ACTIVITY_DONE}, {@code ORDER_STATUS},
 *               {@code PAYMENT}
 * @param title  one line for a person, e.g. «Заказ З-000123: подтверждён»
 * @param detail more, or {@code null}
 * @param link   the page of the record, or {@code null}
 */
public record TimelineEvent(Instant at, String kind, String title, String detail, String link) {
}
