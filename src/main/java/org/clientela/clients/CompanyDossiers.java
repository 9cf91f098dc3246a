package org.clientela.clients;

/** A company's dossier as the current user may see it, for another module's page about the client (the meeting brief). */
public interface CompanyDossiers {

    /**
     * The dossier; an empty one when nobody has written it yet.
     *
     * @throws org.clientela.shared.RecordNotFoundException when the user may not see the company
     */
    Dossier of(CompanyId company);
}
