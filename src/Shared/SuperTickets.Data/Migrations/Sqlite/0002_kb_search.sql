-- Knowledge-base full-text search: an FTS5 table over title, tags and body (porter stemming over the
-- unicode61 tokenizer, diacritics removed), keyed by the article's rowid and kept in sync by triggers.

CREATE VIRTUAL TABLE kb_articles_fts USING fts5(
    title, tags, body,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO kb_articles_fts (rowid, title, tags, body)
SELECT rowid, title, tags_json, body FROM kb_articles;

CREATE TRIGGER kb_articles_fts_insert AFTER INSERT ON kb_articles BEGIN
    INSERT INTO kb_articles_fts (rowid, title, tags, body) VALUES (new.rowid, new.title, new.tags_json, new.body);
END;

CREATE TRIGGER kb_articles_fts_delete AFTER DELETE ON kb_articles BEGIN
    DELETE FROM kb_articles_fts WHERE rowid = old.rowid;
END;

CREATE TRIGGER kb_articles_fts_update AFTER UPDATE ON kb_articles BEGIN
    DELETE FROM kb_articles_fts WHERE rowid = old.rowid;
    INSERT INTO kb_articles_fts (rowid, title, tags, body) VALUES (new.rowid, new.title, new.tags_json, new.body);
END;

CREATE INDEX kb_articles_language_idx ON kb_articles (language);
