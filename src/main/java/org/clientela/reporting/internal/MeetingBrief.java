package org.clientela.reporting.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.clientela.activities.ActivityView;
import org.clientela.clients.CompanyView;
import org.clientela.clients.ContactView;
import org.clientela.clients.Dossier;
import org.clientela.keyaccounts.ClassifiedCompany;
import org.clientela.keyaccounts.CompanyKeyAccount;
import org.clientela.keyaccounts.WarningKind;
import org.clientela.orders.ClientOrders;
import org.clientela.receivables.ReceivablesOverview;

/**
 * «Справка к встрече» (A4): what a manager needs on one page before meeting a client, each part
 * read from the module that owns it. Margins are {@code null} for one who may not see them.
 *
 * @param abcXyz      the client's ABC/XYZ class by revenue in the last closed quarter, the whole
 *                    department classified; {@code null} when it bought nothing then
 * @param keyAccount  {@code null} when the client is not a key account
 * @param planActions the pending actions of this year's account plan; {@code null} for a client
 *                    that is not a key account or has no plan this year
 * @param nextPlanned {@code null} when nothing is planned
 */
public record MeetingBrief(LocalDate asOf, boolean marginsVisible, CompanyView company, Quarter quarter,
        ClassifiedCompany abcXyz, CompanyKeyAccount.KeyAccountState keyAccount, DossierHighlights dossier,
        List<Person> people, Sales sales, List<ClientOrders.OrderInProgress> orders, Debt debt,
        List<ActivityView> lastDone, ActivityView nextPlanned, List<Warning> warnings,
        CompanyKeyAccount.PlanActions planActions) {

    /** The closed quarter of the class, {@code from} to {@code to}. */
    public record Quarter(YearMonth from, YearMonth to) {
    }

    /**
     * The dossier's figures and key dates, and each text field's first lines.
     *
     * @param texts the non-empty text fields in the dossier's order, each cut to its first lines
     */
    public record DossierHighlights(Dossier dossier, List<Excerpt> texts) {

        public boolean empty() {
            return dossier.version() == 0;
        }
    }

    /**
     * @param field the dossier's field, as its message key ends: {@code needs}, {@code interests}…
     * @param cut   whether there is more in the dossier than shown
     */
    public record Excerpt(String field, String text, boolean cut) {
    }

    /** @param birthdaySoon the person's next birthday if it falls in the next 30 days, else {@code null} */
    public record Person(ContactView contact, LocalDate birthdaySoon) {
    }

    /**
     * The last 12 whole months ({@code from} to {@code to}) by assortment group against the same months
     * a year before, the largest group first.
     */
    public record Sales(YearMonth from, YearMonth to, List<GroupSales> groups, GroupSales total) {
    }

    /** @param groupId {@code null} for the total */
    public record GroupSales(UUID groupId, String name, BigDecimal revenue, BigDecimal revenueYearBefore,
            BigDecimal margin, BigDecimal marginYearBefore) {

        /** The revenue's change against the year before in percent, one decimal; {@code null} without sales then. */
        public BigDecimal change() {
            return Change.percent(revenue, revenueYearBefore);
        }
    }

    /**
     * @param limit     {@code null}: no credit limit, the client pays in advance
     * @param exposure  what the client owes and has been promised on credit
     * @param available the limit less the exposure (negative when over it); {@code null} without a limit
     */
    public record Debt(ReceivablesOverview.ClientDebt debt, BigDecimal limit, BigDecimal exposure,
            BigDecimal available) {
    }

    /** An open early warning with its text in the reader's language. */
    public record Warning(UUID id, WarningKind kind, LocalDate detectedOn, String text) {
    }
}
