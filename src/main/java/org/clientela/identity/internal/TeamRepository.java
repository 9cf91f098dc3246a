package org.clientela.identity.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface TeamRepository extends ListCrudRepository<Team, UUID> {

    @Query("select * from team order by name")
    List<Team> findAllOrderedByName();

    @Query("select exists(select 1 from team where lower(name) = lower(:name) and id <> :exceptId)")
    boolean nameTakenByOther(String name, UUID exceptId);
}
