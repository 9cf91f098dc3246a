-- A company's credit history includes the changes made to duplicates merged into it: each such
-- line keeps the duplicate it was made on, so that the history says whose limit it was.
alter table credit_limit_change add column merged_from uuid references company (id);
