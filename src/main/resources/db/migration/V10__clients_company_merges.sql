-- Merging duplicates (C1): the duplicate stays, archived, and says which company it became.
alter table company add column merged_into uuid references company (id);
alter table company add constraint company_merged_is_archived check (merged_into is null or archived_at is not null);
alter table company add constraint company_not_merged_into_itself check (merged_into is null or merged_into <> id);
-- the companies merged into one: their history is part of its own
create index company_merged_into_idx on company (merged_into) where merged_into is not null;

-- The core of a company's name for comparing two names: lower-cased, without legal forms and
-- quotes, so that «ООО "Ромашка"» and «Ромашка ООО» are the same name. The same rule as
-- CompanyCriteria.NOISE, the search's, in PostgreSQL's regular expressions.
create function company_name_core(name text) returns text
    language sql immutable strict parallel safe
    return btrim(regexp_replace(lower(name),
        '(^|[\s"«»''“”„])(ооо|оао|зао|пао|нао|ао|ип|гуп|муп|llc|ltd)(?=$|[\s"«»''“”„.,])|["«»''“”„]', ' ', 'g'));

-- possible duplicates by a similar name: a trigram index on the core of the live companies' names
create index company_name_core_trgm_idx on company using gin (company_name_core(name) gin_trgm_ops)
    where archived_at is null;
