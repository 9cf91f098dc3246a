package org.clientela.clients.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ContactRepository extends ListCrudRepository<Contact, UUID> {

    /** The people of a company: those still there first, then by name. */
    @Query("select * from contact where company_id = :companyId order by active desc, lower(full_name), id")
    List<Contact> findByCompany(UUID companyId);

    @Query("select count(*) from contact where company_id = :companyId")
    long countAt(UUID companyId);
}
