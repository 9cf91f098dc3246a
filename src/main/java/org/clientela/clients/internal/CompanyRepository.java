package org.clientela.clients.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface CompanyRepository extends ListCrudRepository<Company, UUID> {

    /** The company holding this INN and KPP ({@code null} KPP for a sole trader), archived or not. */
    @Query("select * from company where inn = :inn and coalesce(kpp, '') = coalesce(:kpp, '')")
    Optional<Company> findByInnAndKpp(String inn, String kpp);

    /** The duplicates merged into a company. */
    List<Company> findByMergedInto(UUID survivor);
}
