package org.clientela.clients.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompaniesMerged;
import org.clientela.clients.CompanyView;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.RecordScope;
import org.clientela.identity.Role;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.RecordNotFoundException;
import org.clientela.shared.StaleVersionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One INN with one KPP is one company, yet the same client can still be in the base twice: a
 * branch registered with its own KPP, or the same business under a mistyped INN or a slightly
 * different name. This finds such possible duplicates of a company and merges two that are the
 * same client: the survivor takes over the duplicate's people, dossier, tags and history, every
 * module repoints its references ({@link CompaniesMerged}), and the duplicate is archived with a
 * pointer to the survivor — all in one transaction.
 */
@Service
public class DuplicateService {

    /**
     * The trigram similarity of two names' cores from which they may be one client's. Measured on
     * pairs such as «Стеклодом» / «Стекло-Дом» (0.62, the same), «Ромашка» / «Ромашка-Строй» (0.57)
     * and «Окна-Плюс» / «Окна-Сервис» (0.29, two firms).
     */
    static final double SIMILAR_NAME = 0.6;

    /** More would be noise: a company with dozens of look-alikes needs a search, not a hint. */
    static final int MAX_POSSIBLE = 10;

    /** Who may merge: merging moves another manager's client, a decision above a manager's. */
    private static final Role[] MERGERS = {Role.HEAD, Role.DIRECTOR, Role.ADMIN};

    private final CompanyRepository companies;
    private final CompanyService companyService;
    private final ContactRepository contacts;
    private final DossierService dossiers;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    DuplicateService(CompanyRepository companies, CompanyService companyService, ContactRepository contacts,
            DossierService dossiers, AccessPolicy accessPolicy, AuditLog auditLog, ApplicationEventPublisher events,
            JdbcClient jdbc, Clock clock) {
        this.companies = companies;
        this.companyService = companyService;
        this.contacts = contacts;
        this.dossiers = dossiers;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Why a company may be the same client as another. */
    public enum Reason {
        /** The same INN with another KPP: most often a branch registered as a client of its own. */
        SAME_INN,
        /** A name that is nearly the same once legal forms and quotes are left out. */
        SIMILAR_NAME
    }

    public record PossibleDuplicate(CompanyView company, Reason reason) {
    }

    /**
     * What a merge would do, for the confirmation page.
     *
     * @param dossierFilled the dossier fields the survivor has empty and would get from the duplicate
     * @param dossierJoined the dossier texts both have, which would be kept one after the other
     * @param tagsAdded     the duplicate's tags the survivor does not have
     */
    public record MergePreview(CompanyView survivor, CompanyView duplicate, long contactsToMove,
            List<String> dossierFilled, List<String> dossierJoined, int keyDatesAdded, List<String> tagsAdded) {
    }

    /**
     * The live companies one may see that may be the same client as a company one may see: the
     * same INN with another KPP first, then the most similar names.
     */
    @Transactional(readOnly = true)
    public List<PossibleDuplicate> possibleDuplicates(UUID id) {
        CompanyView company = companyService.company(id);
        RecordScope scope = accessPolicy.currentScope();
        // "%" finds the candidates by the trigram index on the names' cores (pg_trgm's threshold,
        // 0.3); the similarity then keeps only those close enough to be one client
        String sql = """
                select c.*, u.full_name as owner_name, c.inn = :inn as same_inn,
                    similarity(company_name_core(c.name), company_name_core(cast(:name as text))) as likeness
                from company c join app_user u on u.id = c.owner_id
                where c.archived_at is null and c.id <> :id
                  and (c.inn = :inn
                       or (company_name_core(c.name) % company_name_core(cast(:name as text))
                           and similarity(company_name_core(c.name), company_name_core(cast(:name as text)))
                               >= :threshold))
                  {scope}
                order by same_inn desc, likeness desc, lower(c.name), c.id
                limit :limit
                """.replace("{scope}", scope.isEverything() ? "" : "and c.owner_id = any(:owners)");
        return jdbc.sql(sql)
                .param("id", id)
                .param("inn", company.inn())
                .param("name", company.name())
                .param("threshold", SIMILAR_NAME)
                .param("owners", scope.ownerIds())
                .param("limit", MAX_POSSIBLE)
                .query((rs, row) -> new PossibleDuplicate(CompanyService.fromRow(rs),
                        rs.getBoolean("same_inn") ? Reason.SAME_INN : Reason.SIMILAR_NAME))
                .list();
    }

    /** Whether the current user may merge companies (those they may see). */
    public boolean mayMerge() {
        return CurrentUser.find().map(me -> me.hasAny(MERGERS)).orElse(false);
    }

    /** What merging the duplicate into the survivor would move, without moving anything. */
    @Transactional(readOnly = true)
    public MergePreview preview(UUID survivorId, UUID duplicateId) {
        refuseRequest(survivorId, duplicateId);
        Company survivor = liveVisible(survivorId);
        Company duplicate = liveVisible(duplicateId);
        DossierMerge dossier = dossiers.mergeOf(survivorId, duplicateId);
        List<String> tagsAdded = new ArrayList<>(tags(duplicate));
        tagsAdded.removeAll(tags(survivor));
        return new MergePreview(companyService.view(survivor), companyService.view(duplicate),
                contacts.countAt(duplicateId), dossier.filled(), dossier.joined(), dossier.keyDatesAdded(),
                List.copyOf(tagsAdded));
    }

    /**
     * Merges the duplicate into the survivor, both companies one may see, at the versions the
     * caller saw: the duplicate's people, dossier and tags go to the survivor, every module
     * repoints its references ({@link CompaniesMerged}, in this transaction), the duplicate is
     * archived with {@code merged_into} the survivor, and both get a {@code MERGED} line in
     * their history.
     *
     * @return the survivor after the merge
     * @throws AccessDeniedException       for anyone but a head, the director or an administrator
     * @throws RecordNotFoundException     when either company is not one the user may see
     * @throws ConflictException           when either is archived or merged already, or at another version
     */
    @Transactional
    public CompanyView merge(UUID survivorId, long survivorVersion, UUID duplicateId, long duplicateVersion) {
        refuseRequest(survivorId, duplicateId);
        // both rows locked, always in the order of their ids: two merges of one pair, in either
        // direction, queue up (neither deadlocks), and the second finds the first one's result
        jdbc.sql("select id from company where id = any(:ids) order by id for update")
                .param("ids", new UUID[] {survivorId, duplicateId})
                .query(UUID.class)
                .list();
        Company survivor = liveVisible(survivorId);
        Company duplicate = liveVisible(duplicateId);
        if (survivor.version() != survivorVersion) {
            throw new StaleVersionException(CompanyService.COMPANY, survivorId, survivorVersion, survivor.version());
        }
        if (duplicate.version() != duplicateVersion) {
            throw new StaleVersionException(CompanyService.COMPANY, duplicateId, duplicateVersion,
                    duplicate.version());
        }
        List<String> tagsBefore = tags(survivor);
        survivor.uniteTags(duplicate.details().tags());
        duplicate.mergeInto(survivor.companyId(), clock.instant());
        // the survivor's version moves on even when no tag came: its people and dossier did
        survivor = companies.save(survivor);
        companies.save(duplicate);
        // whoever still holds the id of a company merged earlier into the duplicate is led
        // straight to the survivor, and the survivor's history includes that company's as well
        jdbc.sql("update company set merged_into = :survivor where merged_into = :duplicate")
                .param("survivor", survivorId)
                .param("duplicate", duplicateId)
                .update();
        AuditChanges tagChanges = AuditChanges.of().field("tags", tagsBefore, tags(survivor));
        if (!tagChanges.isEmpty()) {
            auditLog.updated(CompanyService.COMPANY, survivorId, tagChanges);
        }
        auditLog.merged(CompanyService.COMPANY, duplicateId, survivorId);
        events.publishEvent(new CompaniesMerged(survivor.companyId(), duplicate.companyId()));
        return companyService.view(survivor);
    }

    /** The duplicates merged into a company the caller has checked they may see. */
    @Transactional(readOnly = true)
    public List<CompanyView> mergedInto(UUID survivorId) {
        return companies.findByMergedInto(survivorId).stream().map(companyService::view).toList();
    }

    /** What is wrong with the request itself, before anything is read: the role, one company twice. */
    private void refuseRequest(UUID survivorId, UUID duplicateId) {
        if (!mayMerge()) {
            throw new AccessDeniedException("Merging companies is for a head, the director or an administrator");
        }
        if (duplicateId == null) {
            throw new InvalidInputException("duplicateId", "clients.field.required");
        }
        if (duplicateId.equals(survivorId)) {
            throw new InvalidInputException("duplicateId", "clients.merge.sameCompany");
        }
    }

    /**
     * A company one may see (404 otherwise) that is neither archived nor merged (409 otherwise):
     * the loser of two racing merges learns that the other one came first.
     */
    private Company liveVisible(UUID id) {
        Company company = companies.findById(id)
                .filter(found -> accessPolicy.maySee(found.owner()))
                .orElseThrow(() -> new RecordNotFoundException(CompanyService.COMPANY, id));
        if (company.mergedInto().isPresent()) {
            throw new ConflictException("clients.merge.alreadyMerged", company.details().name());
        }
        if (company.isArchived()) {
            throw new ConflictException("clients.merge.archived", company.details().name());
        }
        return company;
    }

    private static List<String> tags(Company company) {
        return company.details().tags() == null ? List.of() : company.details().tags();
    }
}
