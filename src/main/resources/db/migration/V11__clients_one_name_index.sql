-- The name search now looks in the core of the name (company_name_core, V10), the same words
-- without legal forms and quotes that the possible duplicates compare: one trigram index serves
-- both, and a registration maintains one instead of two.
drop index company_name_trgm_idx;
