-- Knowledge-base search at 100,000 articles. Trigram matching of a whole query against every title (0002)
-- rechecked thousands of titles once the base was large (hundreds of milliseconds). Instead, a lexicon of
-- the words in the articles (lowercased, split as the 'simple' configuration splits them) with a trigram
-- GIN index: a query word missing from it is replaced by its most similar known words (about a
-- millisecond for a lexicon of 20,000 words) before the full-text search runs, so a typo anywhere in an
-- article is forgiven, not only in its title. The lexicon only grows: a word whose last article was
-- deleted stays, and at worst yields a correction that matches nothing.

CREATE TABLE kb_words (
    word  text PRIMARY KEY
);

CREATE FUNCTION kb_words_collect() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO kb_words (word)
    SELECT DISTINCT w
    FROM unnest(tsvector_to_array(to_tsvector('simple', NEW.title || ' ' || NEW.tags_json || ' ' || NEW.body))) AS w
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER kb_articles_words AFTER INSERT OR UPDATE OF title, tags_json, body ON kb_articles
    FOR EACH ROW EXECUTE FUNCTION kb_words_collect();

INSERT INTO kb_words (word)
SELECT DISTINCT w
FROM kb_articles, unnest(tsvector_to_array(to_tsvector('simple', title || ' ' || tags_json || ' ' || body))) AS w
ON CONFLICT DO NOTHING;

CREATE INDEX kb_words_trgm_idx ON kb_words USING gin (word gin_trgm_ops);

DROP INDEX kb_articles_title_trgm_idx;
