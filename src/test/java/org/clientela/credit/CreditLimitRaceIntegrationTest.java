package org.clientela.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.clients.CompanyId;
import org.clientela.credit.internal.CreditAccounts;
import org.clientela.shared.StaleVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The worst interleaving of two first limits for one company, forced rather than hoped for: both
 * find no account, the first inserts and holds its transaction open, the second's insert waits for
 * it; when the first commits, the second must be refused as stale, not overwrite the first.
 */
@IntegrationTest
class CreditLimitRaceIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreditAccounts accounts;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    UserDetailsService users;

    @Test
    void theSecondOfTwoFirstLimitsWaitsForTheFirstAndIsRefusedAsStale() throws Exception {
        CompanyId company = new CompanyId(new CreditTestData(new ApiClient(port), jdbc).company("manager1", "Гонка"));
        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> as("credit", () -> transactions.executeWithoutResult(status -> {
                accounts.change(company, "300000", 30, "Первый", 0);
                firstWritten.countDown();
                await(commitFirst);
            })));
            assertThat(firstWritten.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> second = pool.submit(() -> as("head", () -> accounts.change(company, "400000", 45, "Второй", 0)));
            waitUntilAnInsertWaitsForALock();
            commitFirst.countDown();
            first.get(30, TimeUnit.SECONDS);

            assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StaleVersionException.class);
            assertThat(jdbc.sql("select credit_limit from credit_account where company_id = :id")
                    .param("id", company.value()).query(BigDecimal.class).single()).isEqualByComparingTo("300000");
            assertThat(jdbc.sql("select reason from credit_limit_change where company_id = :id")
                    .param("id", company.value()).query(String.class).list()).containsExactly("Первый");
        } finally {
            commitFirst.countDown();
            pool.shutdownNow();
        }
    }

    /** Polls the server's own view of its sessions; bounded so that a broken lock fails instead of hanging. */
    private void waitUntilAnInsertWaitsForALock() throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            boolean waiting = jdbc.sql("""
                            select exists (select 1 from pg_stat_activity
                                           where wait_event_type = 'Lock' and query like '%insert into credit_account%')""")
                    .query(Boolean.class).single();
            if (waiting) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The second first limit never waited for the first one's insert");
    }

    private void as(String username, Runnable work) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
