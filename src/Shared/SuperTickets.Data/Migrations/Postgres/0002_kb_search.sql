-- Knowledge-base full-text search: a weighted tsvector (title A, tags B, body C) in the text-search
-- configuration of each article's language, a GIN index over it, and trigram matching on titles for typos.
-- Per-language configurations stem German, Spanish, French and Portuguese articles properly; languages
-- without a configuration fall back to 'simple' (lowercased words, no stemming).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION kb_search_config(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE language
        WHEN 'en' THEN 'english'::regconfig
        WHEN 'de' THEN 'german'::regconfig
        WHEN 'es' THEN 'spanish'::regconfig
        WHEN 'fr' THEN 'french'::regconfig
        WHEN 'pt' THEN 'portuguese'::regconfig
        WHEN 'it' THEN 'italian'::regconfig
        WHEN 'nl' THEN 'dutch'::regconfig
        ELSE 'simple'::regconfig
    END;

ALTER TABLE kb_articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(kb_search_config(language), title), 'A')
    || setweight(to_tsvector(kb_search_config(language), tags_json), 'B')
    || setweight(to_tsvector(kb_search_config(language), body), 'C')
) STORED;

CREATE INDEX kb_articles_search_idx ON kb_articles USING gin (search_vector);
CREATE INDEX kb_articles_title_trgm_idx ON kb_articles USING gin (title gin_trgm_ops);
CREATE INDEX kb_articles_language_idx ON kb_articles (language);
