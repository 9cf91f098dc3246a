package org.clientela.keyaccounts.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserId;
import org.clientela.keyaccounts.CompanyKeyAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link CompanyKeyAccount} from the key-account row and the plan's actions: a statement each. */
@Service
@Transactional(readOnly = true)
class CompanyKeyAccounts implements CompanyKeyAccount {

    private final KeyAccounts accounts;
    private final AccountPlans plans;
    private final JdbcClient jdbc;
    private final UserDirectory users;

    CompanyKeyAccounts(KeyAccounts accounts, AccountPlans plans, JdbcClient jdbc, UserDirectory users) {
        this.accounts = accounts;
        this.plans = plans;
        this.jdbc = jdbc;
        this.users = users;
    }

    @Override
    public Optional<KeyAccountState> keyAccount(CompanyId company) {
        return accounts.find(company.value()).filter(KeyAccount::key)
                .map(account -> new KeyAccountState(account.kamName(),
                        account.tier() == null ? null : account.tier().name()));
    }

    @Override
    public Optional<PlanActions> pendingPlanActions(CompanyId company, int year) {
        Optional<UUID> plan = jdbc.sql("select id from account_plan where company_id = :company and year = :year")
                .param("company", company.value()).param("year", year).query(UUID.class).optional();
        LocalDate today = plans.today();
        return plan.map(id -> new PlanActions(id, year, jdbc.sql("""
                        select title, owner_id, deadline, status from account_plan_action
                        where plan_id = :plan and status in ('OPEN', 'IN_PROGRESS')
                        order by deadline, created_at, id""")
                .param("plan", id)
                .query((rs, row) -> {
                    LocalDate deadline = rs.getObject("deadline", LocalDate.class);
                    return new PendingAction(rs.getString("title"), ownerName(rs.getObject("owner_id", UUID.class)),
                            deadline, "IN_PROGRESS".equals(rs.getString("status")), deadline.isBefore(today));
                })
                .list()));
    }

    private String ownerName(UUID owner) {
        return users.find(new UserId(owner)).map(UserDirectory.UserSummary::fullName).orElse("");
    }
}
