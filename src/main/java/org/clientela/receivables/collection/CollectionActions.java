package org.clientela.receivables.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompanyId;
import org.clientela.clients.VisibleCompanies;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.RecordScope;
import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserId;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.RecordNotFoundException;
import org.clientela.shared.StaleVersionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The collection actions as people see and finish them. */
@Service
class CollectionActions {

    static final String ACTION = "CollectionAction";
    static final int MAX_OUTCOME = 2000;

    private static final String SELECT = """
            select a.*, i.number, i.issue_date, i.due_date, i.amount, i.paid_amount, i.settled_on, i.company_id,
                   c.name as company_name
            from collection_action a
            join invoice i on i.id = a.invoice_id
            join company_ref c on c.id = i.company_id
            """;

    private final JdbcClient jdbc;
    private final VisibleCompanies companies;
    private final AccessPolicy accessPolicy;
    private final UserDirectory users;
    private final AuditLog auditLog;

    CollectionActions(JdbcClient jdbc, VisibleCompanies companies, AccessPolicy accessPolicy, UserDirectory users,
            AuditLog auditLog) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.accessPolicy = accessPolicy;
        this.users = users;
        this.auditLog = auditLog;
    }

    /** The company's actions, the latest first. */
    @Transactional(readOnly = true)
    List<ActionView> ofCompany(CompanyId company) {
        companies.company(company);
        return jdbc.sql(SELECT + """
                         where i.company_id = :company
                         order by a.created_on desc, a.days_after_due desc, a.created_at desc, a.id""")
                .param("company", company.value()).query(this::view).list();
    }

    /**
     * The open actions of the current user on companies they may see, those to be done first
     * (the latest past their day) first.
     */
    @Transactional(readOnly = true)
    List<ActionView> openOfCurrentUser(int limit) {
        RecordScope scope = accessPolicy.currentScope();
        return jdbc.sql(SELECT + """
                         where a.assigned_to = :me and a.status = 'OPEN' and c.archived_at is null
                           and (:everything or c.owner_id = any(:owners))
                         order by a.due_on, a.created_on, i.due_date, a.id
                         limit :limit""")
                .param("me", CurrentUser.get().id().value()).param("everything", scope.isEverything())
                .param("owners", scope.ownerIds()).param("limit", limit).query(this::view).list();
    }

    /** An action on a company the current user may see. */
    @Transactional(readOnly = true)
    ActionView action(UUID id) {
        ActionView action = jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(this::view).optional()
                .orElseThrow(() -> new RecordNotFoundException(ACTION, id));
        try {
            companies.company(new CompanyId(action.companyId()));
        } catch (RecordNotFoundException e) {
            throw new RecordNotFoundException(ACTION, id);
        }
        return action;
    }

    /** The person it was given to, or someone who answers for the collection above them. */
    static boolean mayComplete(ActionView action) {
        return CurrentUser.find().map(user -> user.id().value().equals(action.assignedTo())
                        || user.hasAny(Role.HEAD, Role.DIRECTOR, Role.CREDIT_CONTROLLER))
                .orElse(false);
    }

    /**
     * Marks an open action done with what came of it.
     *
     * @throws AccessDeniedException when the action is someone else's and the user answers for no one
     * @throws ConflictException     when it is no longer open (done, or cancelled as its invoice was paid)
     */
    @Transactional
    ActionView markDone(UUID id, long expectedVersion, String outcome) {
        ActionView action = action(id);
        if (!mayComplete(action)) {
            throw new AccessDeniedException("Collection action " + id + " is someone else's");
        }
        if (action.version() != expectedVersion) {
            throw new StaleVersionException(ACTION, id, expectedVersion, action.version());
        }
        if (!action.isOpen()) {
            throw new ConflictException("collection.action.notOpen");
        }
        if (outcome == null || outcome.isBlank()) {
            throw new InvalidInputException("outcome", "collection.action.outcome.required");
        }
        if (outcome.strip().length() > MAX_OUTCOME) {
            throw new InvalidInputException("outcome", "collection.field.tooLong", MAX_OUTCOME);
        }
        int updated = jdbc.sql("""
                        update collection_action set status = 'DONE', outcome = :outcome, done_by = :me, done_at = now(),
                            version = version + 1
                        where id = :id and version = :version and status = 'OPEN'""")
                .param("outcome", outcome.strip()).param("me", CurrentUser.get().id().value()).param("id", id)
                .param("version", expectedVersion).update();
        if (updated == 0) {
            // the daily run cancelled it, or someone else finished it, since it was read
            throw new StaleVersionException(ACTION, id, expectedVersion, expectedVersion + 1);
        }
        auditLog.updated(ACTION, id, AuditChanges.of().field("status", action.status(), ActionStatus.DONE)
                .field("outcome", null, outcome.strip()));
        return action(id);
    }

    private ActionView view(ResultSet rs, int row) throws SQLException {
        UUID assignee = rs.getObject("assigned_to", UUID.class);
        UUID doneBy = rs.getObject("done_by", UUID.class);
        return new ActionView(rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class),
                rs.getString("number"), rs.getObject("issue_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("amount"),
                rs.getBigDecimal("amount").subtract(rs.getBigDecimal("paid_amount")),
                rs.getObject("settled_on", LocalDate.class), rs.getObject("company_id", UUID.class),
                rs.getString("company_name"), StepKind.valueOf(rs.getString("kind")), rs.getInt("days_after_due"),
                rs.getObject("created_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getObject("raised_by_promise", UUID.class) != null, ActionStatus.valueOf(rs.getString("status")),
                assignee, nameOf(assignee), rs.getString("mailed_to"), rs.getString("outcome"), doneBy,
                doneBy == null ? null : nameOf(doneBy), PaymentPromises.instant(rs, "done_at"),
                PaymentPromises.instant(rs, "cancelled_at"), PaymentPromises.instant(rs, "created_at"),
                rs.getLong("version"));
    }

    private String nameOf(UUID user) {
        return users.find(new UserId(user)).map(UserDirectory.UserSummary::fullName).orElse(null);
    }
}
