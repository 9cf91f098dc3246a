-- The research notes of a prospect (C6). Its needs, purchase motives and audience segment are in
-- the dossier already; the research adds a free-text note and when the research last changed.
alter table company_dossier add column research_note text;
alter table company_dossier add column researched_at timestamp with time zone;
alter table company_dossier add constraint company_dossier_research_note_length
    check (research_note is null or length(research_note) <= 10000);
