package org.clientela.keyaccounts.internal;

import java.util.List;
import java.util.UUID;

import org.clientela.keyaccounts.KeyAccountPortfolio;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class KeyAccountPortfolios implements KeyAccountPortfolio {

    private final JdbcClient jdbc;

    KeyAccountPortfolios(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<KeyClient> of(UUID user) {
        return jdbc.sql("""
                        select c.id, c.name, c.owner_id, k.kam_id
                        from key_account k join company_ref c on c.id = k.company_id
                        where k.is_key and c.archived_at is null and (c.owner_id = :user or k.kam_id = :user)
                        order by lower(c.name), c.id""")
                .param("user", user)
                .query((rs, n) -> new KeyClient(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class)))
                .list();
    }
}
