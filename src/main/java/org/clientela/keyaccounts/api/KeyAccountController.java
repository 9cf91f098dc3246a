package org.clientela.keyaccounts.api;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.keyaccounts.AbcClass;
import org.clientela.keyaccounts.internal.KeyAccount;
import org.clientela.keyaccounts.internal.KeyAccount.Basis;
import org.clientela.keyaccounts.internal.KeyAccountRule;
import org.clientela.keyaccounts.internal.KeyAccounts;
import org.clientela.keyaccounts.internal.ServiceTier;
import org.clientela.platform.Versions;
import org.clientela.shared.ConflictException;
import org.clientela.shared.PageResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Key accounts (K2): a company's flag, basis, KAM and tier; the list; the rule on demand. */
@RestController
@Tag(name = "Key accounts", description = "Key-account flag by rule or decision, KAM and service tier")
class KeyAccountController {

    private final KeyAccounts accounts;
    private final KeyAccountRule rule;
    private final Clock clock;
    private final ZoneId zone;

    KeyAccountController(KeyAccounts accounts, KeyAccountRule rule, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.accounts = accounts;
        this.rule = rule;
        this.clock = clock;
        this.zone = zone;
    }

    /** {@code key} required; {@code reason} required when the flag changes; version 0 for a company never decided. */
    record KeyAccountRequest(Boolean key, String reason, UUID kamId, UUID tierId, Long version) {
    }

    /** {@code basis}, {@code since}, {@code reason} null for a company never decided; {@code ruleBlocked}: unmarked by decision. */
    record KeyAccountResponse(UUID companyId, boolean key, Basis basis, Instant since, String reason,
            boolean ruleBlocked, UserRef kam, TierRef tier, long version) {

        static KeyAccountResponse of(KeyAccount account) {
            return new KeyAccountResponse(account.companyId(), account.key(), account.basis(), account.since(),
                    account.reason(), account.ruleBlocked(),
                    account.kamId() == null ? null : new UserRef(account.kamId(), account.kamName()),
                    account.tier() == null ? null : TierRef.of(account.tier()), account.version());
        }
    }

    record UserRef(UUID id, String fullName) {
    }

    /** {@code discountPercent} in percent, {@code leadTimeDays} in days. */
    record TierRef(UUID id, String name, BigDecimal discountPercent, int leadTimeDays, String contractTerms) {

        static TierRef of(ServiceTier tier) {
            return new TierRef(tier.id(), tier.name(), tier.discountPercent(), tier.leadTimeDays(),
                    tier.contractTerms());
        }
    }

    /** {@code abc}: the class by revenue in the last whole quarter, null without sales then. */
    record ListRowResponse(UUID companyId, String name, Basis basis, Instant since, UserRef kam, UUID tierId,
            String tierName, AbcClass abc) {
    }

    record EvaluationResponse(YearMonth from, YearMonth to, int qualified, int marked, int unmarked, int blocked) {
    }

    @GetMapping("/api/v1/companies/{id}/key-account")
    @Operation(summary = "The company's key-account state: flag, basis, reason, KAM, service tier")
    ResponseEntity<KeyAccountResponse> get(@PathVariable UUID id) {
        return respond(accounts.of(new CompanyId(id)));
    }

    @PutMapping("/api/v1/companies/{id}/key-account")
    @Operation(summary = "Decide the company's key-account flag, KAM and tier (HEAD, DIRECTOR); If-Match or "
            + "version required", description = "Marking or unmarking is a decision and needs a reason; an unmarking "
                    + "by decision keeps the rule from marking the company again until a person marks it.")
    ResponseEntity<KeyAccountResponse> put(@PathVariable UUID id, @RequestBody KeyAccountRequest request,
            @RequestHeader(value = Versions.IF_MATCH, required = false) String ifMatch) {
        CompanyId company = new CompanyId(id);
        accounts.of(company);
        KeyAccounts.requireMayDecide();
        long expected = Versions.expected(ifMatch, request.version());
        return respond(accounts.decide(company, request.key(), request.reason(), request.kamId(), request.tierId(),
                expected));
    }

    @GetMapping("/api/v1/key-accounts")
    @Operation(summary = "The key accounts among the companies one may see", description = "Filters: kamId, tierId, "
            + "basis (RULE, DECISION); sort: name, since")
    PageResponse<ListRowResponse> list(@RequestParam(required = false) UUID kamId,
            @RequestParam(required = false) UUID tierId, @RequestParam(required = false) Basis basis,
            @ParameterObject Pageable pageable) {
        Map<UUID, AbcClass> classes = rule.classesNow(today());
        return accounts.list(new KeyAccounts.Filter(kamId, tierId, basis), pageable)
                .map(row -> new ListRowResponse(row.companyId(), row.name(), row.basis(), row.since(),
                        row.kamId() == null ? null : new UserRef(row.kamId(), row.kamName()), row.tierId(),
                        row.tierName(), classes.get(row.companyId())));
    }

    @PostMapping("/api/v1/key-accounts/evaluate")
    @PreAuthorize("hasAnyRole('HEAD', 'DIRECTOR', 'ADMIN')")
    @Operation(summary = "Evaluate the key-account rule now (HEAD, DIRECTOR, ADMIN)", description = "Class A by "
            + "revenue in each of the last two whole quarters; counts are of the whole department. 409 while a run "
            + "is in progress.")
    EvaluationResponse evaluate() {
        KeyAccountRule.Outcome outcome = rule.evaluate(today())
                .orElseThrow(() -> new ConflictException("keyaccounts.rule.running"));
        return new EvaluationResponse(outcome.from(), outcome.to(), outcome.qualified(), outcome.marked(),
                outcome.unmarked(), outcome.blocked());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static ResponseEntity<KeyAccountResponse> respond(KeyAccount account) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(account.version()))
                .body(KeyAccountResponse.of(account));
    }
}
