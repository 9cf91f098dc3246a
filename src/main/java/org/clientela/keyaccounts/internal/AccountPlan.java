package org.clientela.keyaccounts.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A key account's cooperation plan for a year (K3) as the current user may see it: its goals, the
 * execution so far, the actions and the quarterly reviews, and what the user may do with it.
 *
 * @param goals   the margin goal {@code null} for a user who may not see margins
 * @param actions by deadline
 * @param reviews the quarters that have one, in order
 */
public record AccountPlan(UUID id, UUID companyId, String companyName, UUID kamId, String kamName, int year,
        Status status, Goals goals, List<GroupRef> assortmentGroups, String approvedBy, Instant approvedAt,
        long version, Execution execution, List<Action> actions, List<Review> reviews, Rights rights) {

    public enum Status {
        DRAFT, APPROVED
    }

    public enum ActionStatus {
        OPEN, IN_PROGRESS, DONE, DROPPED;

        /** Still to be done: once its deadline passed, it is overdue. */
        public boolean pending() {
            return this == OPEN || this == IN_PROGRESS;
        }
    }

    /**
     * The goals for the year; any may be empty in a draft.
     *
     * @param revenue          roubles
     * @param margin           roubles
     * @param assortment       the groups to introduce, in words
     * @param shareOfWallet    the share of the client's purchases to win, percent
     * @param shareOfWalletNow the share estimated now, percent
     */
    public record Goals(BigDecimal revenue, BigDecimal margin, String assortment, List<UUID> assortmentGroupIds,
            BigDecimal shareOfWallet, BigDecimal shareOfWalletNow) {

        public Goals {
            assortment = assortment == null ? "" : assortment;
            assortmentGroupIds = assortmentGroupIds == null ? List.of() : List.copyOf(assortmentGroupIds);
        }
    }

    public record GroupRef(UUID id, String name) {
    }

    /**
     * Revenue and margin of the plan's year up to today's month, from the sales facts, against the
     * goals and against the share of the year gone by (each month a twelfth, as the facts are monthly).
     *
     * @param revenuePercent {@code null} without a revenue goal
     * @param margin         {@code null} for a user who may not see margins
     * @param marginPercent  {@code null} without a margin goal or for such a user
     */
    public record Execution(LocalDate asOf, BigDecimal elapsedPercent, BigDecimal revenue, BigDecimal revenuePercent,
            BigDecimal margin, BigDecimal marginPercent) {

        /** Whether revenue keeps pace with the year; empty without a revenue goal. */
        public Optional<Boolean> revenueOnTrack() {
            return Optional.ofNullable(revenuePercent).map(percent -> percent.compareTo(elapsedPercent) >= 0);
        }
    }

    /** @param overdue the deadline passed and it is neither done nor dropped */
    public record Action(UUID id, String title, UUID ownerId, String ownerName, LocalDate deadline,
            ActionStatus status, LocalDate doneOn, String note, long version, boolean overdue) {
    }

    public record Review(int quarter, String comment, String writtenBy, Instant writtenAt, long version) {
    }

    /**
     * @param edit    the goals and actions of a draft, and the status and note of any action: the KAM,
     *                the company's owner, the head, the director
     * @param approve approve and reopen: the head, the director
     * @param review  write the quarterly reviews: the head, the director, the KAM
     */
    public record Rights(boolean edit, boolean approve, boolean review, boolean margins) {
    }

    public boolean draft() {
        return status == Status.DRAFT;
    }

    public long overdueActions() {
        return actions.stream().filter(Action::overdue).count();
    }

    public Optional<Review> review(int quarter) {
        return reviews.stream().filter(review -> review.quarter() == quarter).findFirst();
    }
}
