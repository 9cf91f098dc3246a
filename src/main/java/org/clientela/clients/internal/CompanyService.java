package org.clientela.clients.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanyInput;
import org.clientela.clients.CompanyQuery;
import org.clientela.clients.CompanySource;
import org.clientela.clients.CompanyStatus;
import org.clientela.clients.CompanyView;
import org.clientela.clients.FirstOrderConversion;
import org.clientela.clients.LegalForm;
import org.clientela.clients.VisibleCompanies;
import org.clientela.clients.internal.Company.CompanyDetails;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserId;
import org.clientela.platform.Paging;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.PageResponse;
import org.clientela.shared.RecordNotFoundException;
import org.clientela.shared.StaleVersionException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, revises, archives and finds companies, within the access policy: a company one may
 * not see answers as if it did not exist, and a duplicate INN names the existing company only to
 * those who may see it.
 */
@Service
public class CompanyService implements FirstOrderConversion, VisibleCompanies {

    static final String COMPANY = "Company";
    static final String DUPLICATE_VISIBLE = "clients.company.duplicateVisible";

    /** Lists count their rows up to here: beyond, "more than 10 000" is all a person needs to know. */
    static final long COUNT_CAP = 10_000;

    static final Paging PAGING = Paging.sortableBy(Map.of(
            "name", "lower(c.name)",
            "inn", "c.inn",
            "status", "c.status",
            "region", "c.region",
            "segment", "c.segment",
            "createdAt", "c.created_at"), Sort.by("name"));

    private final CompanyRepository companies;
    private final CompanyInserts inserts;
    private final AccessPolicy accessPolicy;
    private final UserDirectory userDirectory;
    private final AuditLog auditLog;
    private final JdbcClient jdbc;
    private final Clock clock;

    CompanyService(CompanyRepository companies, CompanyInserts inserts, AccessPolicy accessPolicy,
            UserDirectory userDirectory, AuditLog auditLog, JdbcClient jdbc, Clock clock) {
        this.companies = companies;
        this.inserts = inserts;
        this.accessPolicy = accessPolicy;
        this.userDirectory = userDirectory;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Not a transaction: the company and its audit entry are one statement, atomic on its own
     * (see {@link AuditLog#entryFor}), and the rest only reads.
     */
    public CompanyView create(CompanyInput input) {
        CompanyInputCheck.Checked checked = CompanyInputCheck.check(input);
        UserId owner = ownerFor(input.ownerId());
        Company company = Company.register(checked.details(), checked.status(), checked.lostReason(), owner,
                clock.instant());
        // the unique index finds a duplicate, also one registered a moment ago by someone else
        if (!inserts.insertUnlessDuplicate(company, changes(Company.State.NONE, company.state()))) {
            refuseDuplicate(checked.details(), null);
            throw new IllegalStateException("INN " + checked.details().inn() + " taken, yet no company holds it");
        }
        return view(company);
    }

    /** Changes the given fields ({@code null} keeps, empty clears) of a company one may see. */
    @Transactional
    public CompanyView update(UUID id, long expectedVersion, CompanyInput changes) {
        Company company = visibleCompany(id);
        if (company.version() != expectedVersion) {
            throw new StaleVersionException(COMPANY, id, expectedVersion, company.version());
        }
        CompanyView before = view(company);
        CompanyInputCheck.Checked checked = CompanyInputCheck.check(merge(before, changes));
        refuseDuplicate(checked.details(), id);
        UserId owner = changes.ownerId() == null ? company.owner() : ownerFor(changes.ownerId());
        Company.State previous = company.state();
        company.revise(checked.details());
        company.changeStatus(checked.status(), checked.lostReason());
        company.assignTo(owner);
        AuditChanges audit = changes(previous, company.state());
        if (audit.isEmpty()) {
            // nothing changed: the version stays, so nobody else's copy turns stale
            return before;
        }
        companies.save(company);
        auditLog.updated(COMPANY, id, audit);
        return view(company);
    }

    /** Deleting a company archives it: orders, history and audit stay. */
    @Transactional
    public void archive(UUID id) {
        Company company = visibleCompany(id);
        if (!company.isArchived()) {
            company.archive(clock.instant());
            companies.save(company);
            auditLog.deleted(COMPANY, id);
        }
    }

    /**
     * A person converts a prospect into an active client (C6), on the version they saw. Only a
     * prospect converts: one already converted, perhaps by a colleague a moment ago, answers 409.
     */
    @Transactional
    public CompanyView convertToActive(UUID id, long expectedVersion) {
        Company company = visibleCompany(id);
        if (company.version() != expectedVersion) {
            throw new StaleVersionException(COMPANY, id, expectedVersion, company.version());
        }
        if (company.status() != CompanyStatus.PROSPECT) {
            throw new ConflictException("clients.prospect.notProspect", company.details().name());
        }
        activate(company);
        return view(company);
    }

    @Override
    @Transactional
    public boolean convertOnFirstOrder(CompanyId companyId) {
        Company company = companies.findById(companyId.value())
                .orElseThrow(() -> new RecordNotFoundException(COMPANY, companyId.value()));
        if (company.isArchived() || company.status() != CompanyStatus.PROSPECT) {
            return false;
        }
        activate(company);
        return true;
    }

    private void activate(Company company) {
        Company.State previous = company.state();
        company.changeStatus(CompanyStatus.ACTIVE, null);
        companies.save(company);
        auditLog.updated(COMPANY, company.id(), changes(previous, company.state()));
    }

    @Transactional(readOnly = true)
    public CompanyView company(UUID id) {
        return view(visibleCompany(id));
    }

    @Override
    @Transactional(readOnly = true)
    public CompanyView company(CompanyId id) {
        return company(id.value());
    }

    /**
     * A company one may see, or else a duplicate one may see that was merged into another: that
     * one archived, with {@link CompanyView#mergedInto()}, so that whoever kept its id learns
     * where it went.
     */
    @Transactional(readOnly = true)
    public CompanyView companyOrMerged(UUID id) {
        return companies.findById(id)
                .filter(company -> !company.isArchived() || company.mergedInto().isPresent())
                .filter(company -> accessPolicy.maySee(company.owner()))
                .map(this::view)
                .orElseThrow(() -> new RecordNotFoundException(COMPANY, id));
    }

    /** One page of the companies the current user may see, filtered and sorted. */
    @Transactional(readOnly = true)
    public PageResponse<CompanyView> list(CompanyQuery query, Pageable pageable) {
        PageRequest page = PAGING.check(pageable);
        CompanyCriteria criteria = CompanyCriteria.of(query, accessPolicy.currentScope());
        if (criteria.nothing()) {
            return PageResponse.of(List.of(), page.getPageNumber(), page.getPageSize(), 0);
        }
        long counted = jdbc.sql("select count(*) from (select 1 from company c where " + criteria.sql()
                        + " limit :countCap) counted").params(criteria.params()).param("countCap", COUNT_CAP + 1)
                .query(Long.class).single();
        List<CompanyView> content = jdbc.sql("""
                        select c.*, u.full_name as owner_name
                        from company c join app_user u on u.id = c.owner_id
                        where %s
                        order by %s
                        limit :limit offset :offset
                        """.formatted(criteria.sql(), PAGING.orderBy(page, "c.id")))
                .params(criteria.params())
                .param("limit", page.getPageSize())
                .param("offset", page.getOffset())
                .query((rs, row) -> fromRow(rs))
                .list();
        return PageResponse.ofCappedCount(content, page.getPageNumber(), page.getPageSize(), counted, COUNT_CAP);
    }

    private Company visibleCompany(UUID id) {
        return companies.findById(id)
                .filter(company -> !company.isArchived())
                .filter(company -> accessPolicy.maySee(company.owner()))
                .orElseThrow(() -> new RecordNotFoundException(COMPANY, id));
    }

    /** A manager registers companies for themselves; a head, the director or an admin for anyone. */
    UserId ownerFor(UUID requested) {
        CurrentUser me = CurrentUser.get();
        if (requested == null || requested.equals(me.id().value())) {
            return me.id();
        }
        if (!me.hasAny(Role.HEAD, Role.DIRECTOR, Role.ADMIN)) {
            throw new InvalidInputException("ownerId", "clients.company.ownerNotAllowed");
        }
        UserId owner = new UserId(requested);
        Optional<UserDirectory.UserSummary> summary = userDirectory.find(owner);
        if (summary.isEmpty() || !summary.get().enabled()
                || (me.hasAny(Role.HEAD) && !me.hasAny(Role.DIRECTOR, Role.ADMIN) && !accessPolicy.maySee(owner))) {
            throw new InvalidInputException("ownerId", "clients.company.ownerUnknown");
        }
        return owner;
    }

    private void refuseDuplicate(CompanyDetails details, UUID self) {
        companies.findByInnAndKpp(details.inn(), details.kpp())
                .filter(existing -> !existing.id().equals(self))
                .ifPresent(existing -> {
                    throw duplicateOf(existing.id(), existing.details().name(), existing.owner(),
                            existing.isArchived());
                });
    }

    /**
     * The refusal of a company that is already in the client base: it names the existing company
     * to those who may see it, and to others only whom to ask. {@code arguments()[1]} is the
     * existing company's id when it is named.
     */
    ConflictException duplicateOf(UUID id, String name, UserId owner, boolean archived) {
        if (!archived && accessPolicy.maySee(owner)) {
            return new ConflictException(DUPLICATE_VISIBLE, name, id);
        }
        String whom = userDirectory.find(owner).map(UserDirectory.UserSummary::fullName).orElse("—");
        return new ConflictException("clients.company.duplicateHidden", whom);
    }

    static AuditChanges changes(Company.State before, Company.State after) {
        CompanyDetails old = before.details();
        CompanyDetails now = after.details();
        return AuditChanges.of()
                .field("name", old.name(), now.name())
                .field("legalForm", old.legalForm(), now.legalForm())
                .field("inn", old.inn(), now.inn())
                .field("kpp", old.kpp(), now.kpp())
                .field("ogrn", old.ogrn(), now.ogrn())
                .field("legalAddress", old.legalAddress(), now.legalAddress())
                .field("deliveryAddress", old.deliveryAddress(), now.deliveryAddress())
                .field("bik", old.bik(), now.bik())
                .field("bankName", old.bankName(), now.bankName())
                .field("settlementAccount", old.settlementAccount(), now.settlementAccount())
                .field("correspondentAccount", old.correspondentAccount(), now.correspondentAccount())
                .field("segment", old.segment(), now.segment())
                .field("region", old.region(), now.region())
                .field("size", old.size(), now.size())
                .field("source", old.source(), now.source())
                .field("tags", old.tags(), now.tags())
                .field("status", before.status(), after.status())
                .field("lostReason", before.lostReason(), after.lostReason())
                .field("owner", before.owner(), after.owner());
    }

    private static CompanyInput merge(CompanyView stored, CompanyInput changes) {
        return new CompanyInput(
                pick(changes.name(), stored.name()),
                pick(changes.legalForm(), stored.legalForm() == null ? null : stored.legalForm().name()),
                pick(changes.inn(), stored.inn()),
                pick(changes.kpp(), stored.kpp()),
                pick(changes.ogrn(), stored.ogrn()),
                pick(changes.legalAddress(), stored.legalAddress()),
                pick(changes.deliveryAddress(), stored.deliveryAddress()),
                pick(changes.bik(), stored.bik()),
                pick(changes.bankName(), stored.bankName()),
                pick(changes.settlementAccount(), stored.settlementAccount()),
                pick(changes.correspondentAccount(), stored.correspondentAccount()),
                pick(changes.segment(), stored.segment()),
                pick(changes.region(), stored.region()),
                pick(changes.size(), stored.size()),
                pick(changes.source(), stored.source() == null ? null : stored.source().name()),
                pick(changes.status(), stored.status().name()),
                pick(changes.lostReason(), stored.lostReason()),
                changes.ownerId(),
                changes.tags() == null ? stored.tags() : changes.tags());
    }

    private static String pick(String given, String stored) {
        return given == null ? stored : given;
    }

    CompanyView view(Company company) {
        CompanyDetails d = company.details();
        // most often the owner is the one asking: no need to look them up
        String ownerName = CurrentUser.find().filter(me -> me.id().equals(company.owner()))
                .map(CurrentUser::fullName)
                .orElseGet(() -> userDirectory.find(company.owner()).map(UserDirectory.UserSummary::fullName)
                        .orElse(null));
        return new CompanyView(company.id(), d.name(), d.legalForm(), d.inn(), d.kpp(), d.ogrn(), d.legalAddress(),
                d.deliveryAddress(), d.bik(), d.bankName(), d.settlementAccount(), d.correspondentAccount(),
                d.segment(), d.region(), d.size(), d.source(), company.status(), company.lostReason(),
                company.owner().value(), ownerName, d.tags() == null ? List.of() : List.copyOf(d.tags()),
                company.isArchived(), company.createdAt(), company.version(),
                company.mergedInto().map(CompanyId::value).orElse(null));
    }

    static CompanyView fromRow(ResultSet rs) throws SQLException {
        String source = rs.getString("source");
        Array tags = rs.getArray("tags");
        return new CompanyView(rs.getObject("id", UUID.class), rs.getString("name"),
                LegalForm.valueOf(rs.getString("legal_form")), rs.getString("inn"), rs.getString("kpp"),
                rs.getString("ogrn"), rs.getString("legal_address"), rs.getString("delivery_address"),
                rs.getString("bik"), rs.getString("bank_name"), rs.getString("settlement_account"),
                rs.getString("correspondent_account"), rs.getString("segment"), rs.getString("region"),
                rs.getString("size"), source == null ? null : CompanySource.valueOf(source),
                CompanyStatus.valueOf(rs.getString("status")), rs.getString("lost_reason"),
                rs.getObject("owner_id", UUID.class), rs.getString("owner_name"),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                rs.getTimestamp("archived_at") != null, rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"), rs.getObject("merged_into", UUID.class));
    }
}
