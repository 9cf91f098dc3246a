package org.clientela.clients.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompaniesMerged;
import org.clientela.clients.CompanyDossiers;
import org.clientela.clients.CompanyId;
import org.clientela.clients.Dossier;
import org.clientela.clients.Dossier.KeyDate;
import org.clientela.clients.ProspectResearch;
import org.clientela.identity.CurrentUser;
import org.clientela.shared.InputErrors;
import org.clientela.shared.StaleVersionException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and rewrites a company's dossier, and apart from it a prospect's research notes, which
 * share its row and version (C6). Each change lands in the audit log under the company
 * (fields {@code dossier.*}), so it shows in the company's history.
 */
@Service
public class DossierService implements CompanyDossiers {

    static final int MAX_TEXT = 10_000;
    static final int MAX_KEY_DATES = 50;
    private static final BigDecimal MAX_REVENUE = new BigDecimal("9999999999999999.99");

    private final CompanyService companies;
    private final AuditLog auditLog;
    private final JdbcClient jdbc;
    private final Clock clock;

    DossierService(CompanyService companies, AuditLog auditLog, JdbcClient jdbc, Clock clock) {
        this.companies = companies;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The dossier of a company one may see; an empty one when nobody has written it yet. */
    @Transactional(readOnly = true)
    public Dossier dossier(UUID companyId) {
        companies.company(companyId);
        return read(companyId);
    }

    @Override
    @Transactional(readOnly = true)
    public Dossier of(CompanyId company) {
        return dossier(company.value());
    }

    /**
     * Replaces the dossier of a company one may see.
     *
     * @param expectedVersion the version the writer read (0 for a dossier not yet written)
     */
    @Transactional
    public Dossier write(UUID companyId, long expectedVersion, Dossier input) {
        Dossier stored = readForUpdate(companyId);
        // checked under the lock: a company merged meanwhile is archived now, and not written to
        companies.company(companyId);
        if (stored.version() != expectedVersion) {
            throw new StaleVersionException("Dossier", companyId, expectedVersion, stored.version());
        }
        Dossier checked = check(input);
        AuditChanges changes = changes(stored, checked);
        if (changes.isEmpty()) {
            return stored;
        }
        store(companyId, stored, checked, stored.version() + 1);
        auditLog.updated(CompanyService.COMPANY, companyId, changes);
        return read(companyId);
    }

    /**
     * The duplicate's dossier moves to the survivor ({@link DossierMerge}), in the merge's
     * transaction. The duplicate keeps none: its key dates would otherwise still remind of a
     * company that no longer is one; what it held stays in its history, which the survivor's
     * history includes.
     */
    @EventListener
    void on(CompaniesMerged merged) {
        UUID survivor = merged.survivor().value();
        UUID duplicate = merged.duplicate().value();
        Dossier stored = read(survivor);
        DossierMerge merge = DossierMerge.of(stored, read(duplicate));
        if (merge.changesSurvivor()) {
            store(survivor, stored, merge.merged(), stored.version() + 1);
            auditLog.updated(CompanyService.COMPANY, survivor, changes(stored, merge.merged()));
        }
        carryResearchNote(survivor, duplicate);
        // the key dates go with their dossier (on delete cascade)
        jdbc.sql("delete from company_dossier where company_id = :id").param("id", duplicate).update();
    }

    /**
     * The research note is not part of {@link Dossier}, so {@link DossierMerge} does not see it:
     * the survivor keeps its own and gains the duplicate's after it, as with the other texts.
     */
    private void carryResearchNote(UUID survivor, UUID duplicate) {
        String before = readResearch(survivor).note();
        int carried = jdbc.sql("""
                        insert into company_dossier (company_id, research_note, researched_at, version, updated_at,
                            updated_by)
                        select :survivor, d.research_note, d.researched_at, 0, :now, :author
                        from company_dossier d
                        where d.company_id = :duplicate and d.research_note is not null
                        on conflict (company_id) do update set
                            research_note = coalesce(company_dossier.research_note || E'\n\n', '')
                                || excluded.research_note,
                            researched_at = greatest(company_dossier.researched_at, excluded.researched_at),
                            version = company_dossier.version + 1
                        """)
                .param("survivor", survivor)
                .param("duplicate", duplicate)
                .param("now", Timestamp.from(clock.instant()))
                .param("author", CurrentUser.get().username())
                .update();
        if (carried > 0) {
            auditLog.updated(CompanyService.COMPANY, survivor,
                    AuditChanges.of().field("dossier.researchNote", before, readResearch(survivor).note()));
        }
    }

    /** What a merge would do to the survivor's dossier, for the confirmation page. */
    DossierMerge mergeOf(UUID survivor, UUID duplicate) {
        return DossierMerge.of(read(survivor), read(duplicate));
    }

    private static AuditChanges changes(Dossier stored, Dossier checked) {
        return AuditChanges.of()
                .field("dossier.annualRevenue", plain(stored.annualRevenue()), plain(checked.annualRevenue()))
                .field("dossier.staffSize", stored.staffSize(), checked.staffSize())
                .field("dossier.businessHistory", stored.businessHistory(), checked.businessHistory())
                .field("dossier.needs", stored.needs(), checked.needs())
                .field("dossier.developmentPlans", stored.developmentPlans(), checked.developmentPlans())
                .field("dossier.interests", stored.interests(), checked.interests())
                .field("dossier.purchaseMotives", stored.purchaseMotives(), checked.purchaseMotives())
                .field("dossier.audienceSegment", stored.audienceSegment(), checked.audienceSegment())
                .field("dossier.keyDates", keyDatesText(stored.keyDates()), keyDatesText(checked.keyDates()));
    }

    private void store(UUID companyId, Dossier stored, Dossier checked, long version) {
        Instant now = clock.instant();
        String author = CurrentUser.get().username();
        jdbc.sql("""
                        insert into company_dossier (company_id, annual_revenue, staff_size, business_history, needs,
                            development_plans, interests, purchase_motives, audience_segment, version, updated_at,
                            updated_by, researched_at)
                        values (:id, :revenue, :staff, :history, :needs, :plans, :interests, :motives, :audience,
                            :version, :now, :author, :researchedAt)
                        on conflict (company_id) do update set annual_revenue = excluded.annual_revenue,
                            staff_size = excluded.staff_size, business_history = excluded.business_history,
                            needs = excluded.needs, development_plans = excluded.development_plans,
                            interests = excluded.interests, purchase_motives = excluded.purchase_motives,
                            audience_segment = excluded.audience_segment, version = excluded.version,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                            researched_at = coalesce(excluded.researched_at, company_dossier.researched_at)
                        """)
                .param("id", companyId)
                .param("revenue", checked.annualRevenue())
                .param("staff", checked.staffSize())
                .param("history", checked.businessHistory())
                .param("needs", checked.needs())
                .param("plans", checked.developmentPlans())
                .param("interests", checked.interests())
                .param("motives", checked.purchaseMotives())
                .param("audience", checked.audienceSegment())
                .param("version", version)
                .param("now", Timestamp.from(now))
                .param("author", author)
                .param("researchedAt", researchChanged(stored, checked) ? Timestamp.from(now) : null)
                .update();
        jdbc.sql("delete from company_key_date where company_id = :id").param("id", companyId).update();
        for (int i = 0; i < checked.keyDates().size(); i++) {
            KeyDate keyDate = checked.keyDates().get(i);
            jdbc.sql("insert into company_key_date (company_id, position, day, description) "
                            + "values (:id, :position, :day, :description)")
                    .param("id", companyId).param("position", i).param("day", keyDate.day())
                    .param("description", keyDate.description())
                    .update();
        }
    }

    /** The research notes of a company one may see (C6); empty ones when nobody has written them. */
    @Transactional(readOnly = true)
    public ProspectResearch research(UUID companyId) {
        companies.company(companyId);
        return readResearch(companyId);
    }

    /**
     * Rewrites the research notes of a company one may see, on the dossier's version; the rest of
     * the dossier stays as it is. Changes are audited as the dossier's fields.
     */
    @Transactional
    public ProspectResearch writeResearch(UUID companyId, long expectedVersion, ProspectResearch input) {
        companies.company(companyId);
        Dossier stored = readForUpdate(companyId);
        if (stored.version() != expectedVersion) {
            throw new StaleVersionException("Dossier", companyId, expectedVersion, stored.version());
        }
        ProspectResearch before = readResearch(companyId);
        InputErrors errors = new InputErrors();
        ProspectResearch checked = ProspectResearch.of(text(errors, "needs", input.needs()),
                text(errors, "purchaseMotives", input.purchaseMotives()),
                text(errors, "audienceSegment", input.audienceSegment()), text(errors, "note", input.note()));
        errors.throwIfAny();
        AuditChanges changes = AuditChanges.of()
                .field("dossier.needs", before.needs(), checked.needs())
                .field("dossier.purchaseMotives", before.purchaseMotives(), checked.purchaseMotives())
                .field("dossier.audienceSegment", before.audienceSegment(), checked.audienceSegment())
                .field("dossier.researchNote", before.note(), checked.note());
        if (changes.isEmpty()) {
            return before;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into company_dossier (company_id, needs, purchase_motives, audience_segment,
                            research_note, researched_at, version, updated_at, updated_by)
                        values (:id, :needs, :motives, :audience, :note, :now, :version, :now, :author)
                        on conflict (company_id) do update set needs = excluded.needs,
                            purchase_motives = excluded.purchase_motives, audience_segment = excluded.audience_segment,
                            research_note = excluded.research_note, researched_at = excluded.researched_at,
                            version = excluded.version, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by
                        """)
                .param("id", companyId)
                .param("needs", checked.needs())
                .param("motives", checked.purchaseMotives())
                .param("audience", checked.audienceSegment())
                .param("note", checked.note())
                .param("now", now)
                .param("version", stored.version() + 1)
                .param("author", CurrentUser.get().username())
                .update();
        auditLog.updated(CompanyService.COMPANY, companyId, changes);
        return readResearch(companyId);
    }

    private ProspectResearch readResearch(UUID companyId) {
        return jdbc.sql("select * from company_dossier where company_id = :id")
                .param("id", companyId)
                .query((rs, row) -> new ProspectResearch(rs.getString("needs"), rs.getString("purchase_motives"),
                        rs.getString("audience_segment"), rs.getString("research_note"),
                        rs.getTimestamp("researched_at") == null ? null : rs.getTimestamp("researched_at").toInstant(),
                        rs.getLong("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                .optional()
                .orElse(ProspectResearch.of(null, null, null, null));
    }

    private static boolean researchChanged(Dossier stored, Dossier checked) {
        return !Objects.equals(stored.needs(), checked.needs())
                || !Objects.equals(stored.purchaseMotives(), checked.purchaseMotives())
                || !Objects.equals(stored.audienceSegment(), checked.audienceSegment());
    }

    private Dossier readForUpdate(UUID companyId) {
        // the row lock makes two writers of one dossier queue up, so the version check holds
        jdbc.sql("select 1 from company where id = :id for update").param("id", companyId).query().listOfRows();
        return read(companyId);
    }

    private Dossier read(UUID companyId) {
        List<KeyDate> keyDates = jdbc.sql("""
                        select day, description from company_key_date where company_id = :id order by position
                        """)
                .param("id", companyId)
                .query((rs, row) -> new KeyDate(rs.getObject("day", LocalDate.class), rs.getString("description")))
                .list();
        return jdbc.sql("select * from company_dossier where company_id = :id")
                .param("id", companyId)
                .query((rs, row) -> new Dossier(rs.getBigDecimal("annual_revenue"),
                        (Integer) rs.getObject("staff_size"), rs.getString("business_history"), rs.getString("needs"),
                        rs.getString("development_plans"), rs.getString("interests"), rs.getString("purchase_motives"),
                        rs.getString("audience_segment"), keyDates, rs.getLong("version"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                .optional()
                .orElse(Dossier.empty());
    }

    private Dossier check(Dossier input) {
        InputErrors errors = new InputErrors();
        if (input.annualRevenue() != null && (input.annualRevenue().signum() < 0
                || input.annualRevenue().compareTo(MAX_REVENUE) > 0)) {
            errors.add("annualRevenue", "clients.dossier.revenueRange");
        }
        if (input.staffSize() != null && input.staffSize() < 0) {
            errors.add("staffSize", "clients.dossier.staffRange");
        }
        List<KeyDate> keyDates = input.keyDates() == null ? List.of() : input.keyDates();
        if (keyDates.size() > MAX_KEY_DATES) {
            errors.add("keyDates", "clients.dossier.tooManyKeyDates", MAX_KEY_DATES);
        }
        for (int i = 0; i < keyDates.size() && i < MAX_KEY_DATES; i++) {
            KeyDate keyDate = keyDates.get(i);
            if (keyDate == null || keyDate.day() == null) {
                errors.add("keyDates[" + i + "].day", "clients.field.required");
            }
            if (keyDate == null || keyDate.description() == null || keyDate.description().isBlank()) {
                errors.add("keyDates[" + i + "].description", "clients.field.required");
            } else if (keyDate.description().strip().length() > 300) {
                errors.add("keyDates[" + i + "].description", "clients.field.tooLong", 300);
            }
        }
        Dossier checked = new Dossier(
                input.annualRevenue() == null ? null : input.annualRevenue().setScale(2, java.math.RoundingMode.HALF_UP),
                input.staffSize(),
                text(errors, "businessHistory", input.businessHistory()),
                text(errors, "needs", input.needs()),
                text(errors, "developmentPlans", input.developmentPlans()),
                text(errors, "interests", input.interests()),
                text(errors, "purchaseMotives", input.purchaseMotives()),
                text(errors, "audienceSegment", input.audienceSegment()),
                keyDates.stream().filter(java.util.Objects::nonNull)
                        .map(keyDate -> new KeyDate(keyDate.day(),
                                keyDate.description() == null ? null : keyDate.description().strip()))
                        .toList(),
                0, null, null);
        errors.throwIfAny();
        return checked;
    }

    private static String text(InputErrors errors, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String stripped = raw.strip();
        if (stripped.length() > MAX_TEXT) {
            errors.add(field, "clients.field.tooLong", MAX_TEXT);
            return null;
        }
        return stripped;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String keyDatesText(List<KeyDate> keyDates) {
        return keyDates.isEmpty() ? null : String.join("; ", keyDates.stream()
                .map(keyDate -> keyDate.day() + " " + keyDate.description()).toList());
    }
}
