package org.clientela.clients;

/** Where the client came from (3-§2.5 of the job description). */
public enum CompanySource {
    EXHIBITION, FAIR, ADVERT, REFERRAL, WEBSITE, COLD_CALL, EMAIL_CAMPAIGN
}
