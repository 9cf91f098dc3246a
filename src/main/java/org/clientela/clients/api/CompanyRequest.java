package org.clientela.clients.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.clientela.clients.CompanyInput;

/**
 * A company to register, or the fields to change (PATCH: a missing or {@code null} field keeps its
 * value, an empty string clears it). Registration numbers are checked with their check digits.
 */
@Schema(name = "CompanyRequest")
record CompanyRequest(
        @Schema(example = "Ромашка") String name,
        @Schema(description = "OOO, AO, PAO, NAO, ZAO, IP, GUP, MUP, OTHER", example = "OOO") String legalForm,
        @Schema(description = "10 digits, 12 for a sole trader", example = "7707083893") String inn,
        @Schema(description = "Not for a sole trader", example = "773601001") String kpp,
        @Schema(description = "OGRN (13 digits) or OGRNIP (15)", example = "1027700132195") String ogrn,
        String legalAddress, String deliveryAddress,
        @Schema(example = "044525225") String bik, String bankName,
        String settlementAccount,
        @Schema(example = "30101810400000000225") String correspondentAccount,
        String segment, String region, String size,
        @Schema(description = "EXHIBITION, FAIR, ADVERT, REFERRAL, WEBSITE, COLD_CALL, EMAIL_CAMPAIGN") String source,
        @Schema(description = "PROSPECT (default), ACTIVE, DORMANT, LOST") String status,
        @Schema(description = "Required when the status is LOST") String lostReason,
        @Schema(description = "The owner manager; by default the caller") UUID ownerId,
        List<String> tags,
        @Schema(description = "On PATCH, the version last seen (or send If-Match)") Long version) {

    CompanyInput toInput() {
        return new CompanyInput(name, legalForm, inn, kpp, ogrn, legalAddress, deliveryAddress, bik, bankName,
                settlementAccount, correspondentAccount, segment, region, size, source, status, lostReason, ownerId,
                tags);
    }
}
