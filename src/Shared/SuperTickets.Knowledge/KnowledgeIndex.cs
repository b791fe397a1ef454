using System.Collections.Concurrent;
using SuperTickets.Knowledge.Embedding;
using SuperTickets.Knowledge.Query;
using SuperTickets.Knowledge.Retrieval;
using SuperTickets.Knowledge.Text;

namespace SuperTickets.Knowledge;

/// <summary>
/// In-memory hybrid retrieval over knowledge-base articles: BM25 (title ×3, tags ×2, body ×1) fused with
/// embedding cosine by reciprocal-rank fusion. Searches run lock-free on an immutable snapshot; Add, Update
/// and Remove are serialized and publish a new snapshot that shares all untouched data, so concurrent
/// searches always see either the old or the new state, never a mix.
/// </summary>
public sealed class KnowledgeIndex
{
    private const int MaxFittingSample = 20_000;

    private readonly Lock _gate = new();
    private readonly Vocabulary _vocabulary;
    private volatile IndexSnapshot _snapshot;

    private KnowledgeIndex(ITextEmbedder embedder, Vocabulary vocabulary, IndexSnapshot snapshot)
    {
        Embedder = embedder;
        _vocabulary = vocabulary;
        _snapshot = snapshot;
    }

    /// <summary>The embedder used for articles and queries.</summary>
    public ITextEmbedder Embedder { get; }

    /// <summary>Number of indexed articles.</summary>
    public int Count => _snapshot.Count;

    /// <summary>The indexed articles, in no particular order.</summary>
    public IReadOnlyList<KbArticle> Articles => Array.ConvertAll(_snapshot.Docs, d => d.Article);

    /// <summary>
    /// Indexes <paramref name="articles"/> (ids must be unique), analyzing them on all cores, each article
    /// tokenized once for both its terms and its embedding. Without an <paramref name="embedder"/>, a
    /// <see cref="HashedTextEmbedder"/> is fitted to these articles. An <see cref="IBatchTextEmbedder"/> embeds all
    /// articles first, in its batches; its failure surfaces as <see cref="EmbeddingProviderException"/>.
    /// </summary>
    public static KnowledgeIndex Build(IEnumerable<KbArticle> articles, ITextEmbedder? embedder = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var list = articles.ToList();
        list.ForEach(Validate);
        embedder ??= HashedTextEmbedder.Fit(FittingSample(list), static (article, tokens) => ArticleAnalyzer.Tokenize(article, tokens));
        var dims = embedder.Dimensions;
        var blocks = IndexSnapshot.NewBlocks(list.Count, dims);
        var terms = new ArticleTerms[list.Count];
        var provided = embedder is IBatchTextEmbedder batch ? EmbedAll(batch, list) : null;
        if (list.Count > 0)
        {
            Parallel.ForEach(Partitioner.Create(0, list.Count), () => new float[dims], (range, _, vector) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    terms[i] = ArticleAnalyzer.Terms(list[i], out var tokens);
                    if (provided is null)
                    {
                        ArticleAnalyzer.Embed(embedder, list[i], tokens, vector);
                    }
                    else
                    {
                        provided.AsSpan(i * dims, dims).CopyTo(vector);
                    }

                    blocks[i / IndexSnapshot.BlockRows].Set(i % IndexSnapshot.BlockRows, vector);
                }

                return vector;
            }, static _ => { });
        }

        var vocabulary = new Vocabulary();
        var docs = Array.ConvertAll(terms, t => ArticleAnalyzer.Assign(t, vocabulary));
        return new KnowledgeIndex(embedder, vocabulary, IndexSnapshot.Create(docs, blocks, dims, vocabulary.Count));
    }

    /// <summary>The article with this id, or null.</summary>
    public KbArticle? Find(string id)
    {
        var snapshot = _snapshot;
        return snapshot.Ordinals.TryGetValue(id, out var ordinal) ? snapshot.Docs[ordinal].Article : null;
    }

    /// <summary>Adds a new article. Throws <see cref="ArgumentException"/> if the id already exists.</summary>
    public void Add(KbArticle article)
    {
        Validate(article);
        var vector = EmbedArticle(article);
        lock (_gate)
        {
            if (_snapshot.Ordinals.ContainsKey(article.Id))
            {
                throw new ArgumentException($"Article '{article.Id}' already exists.", nameof(article));
            }

            var doc = ArticleAnalyzer.Analyze(article, _vocabulary);
            _snapshot = _snapshot.WithAdded(doc, vector, _vocabulary.Count);
        }
    }

    /// <summary>Replaces the article with the same id. Throws <see cref="KeyNotFoundException"/> if it is absent.</summary>
    public void Update(KbArticle article)
    {
        Validate(article);
        var vector = EmbedArticle(article);
        lock (_gate)
        {
            if (!_snapshot.Ordinals.TryGetValue(article.Id, out var ordinal))
            {
                throw new KeyNotFoundException($"Article '{article.Id}' does not exist.");
            }

            var doc = ArticleAnalyzer.Analyze(article, _vocabulary);
            _snapshot = _snapshot.WithReplaced(ordinal, doc, vector, _vocabulary.Count);
        }
    }

    /// <summary>Removes the article with this id; false when there was none.</summary>
    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (!_snapshot.Ordinals.TryGetValue(id, out var ordinal))
            {
                return false;
            }

            _snapshot = _snapshot.WithRemoved(ordinal);
            return true;
        }
    }

    /// <summary>
    /// The best <paramref name="top"/> articles for <paramref name="query"/>, best first, optionally only
    /// those in <paramref name="language"/> (ISO 639-1 code, case-insensitive). Empty when nothing matches.
    /// </summary>
    public IReadOnlyList<KbHit> Search(string query, int top = 5, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var snapshot = _snapshot;
        var candidates = new HybridSearch(snapshot, _vocabulary, Embedder).Run(QueryAnalyzer.Analyze(query), top, language);
        return candidates.ConvertAll(c => ToHit(snapshot, c));
    }

    /// <summary>
    /// Decides whether the top article alone answers <paramref name="query"/>: a short question, or a whole
    /// email as "subject, newline, body" (greeting, courtesy phrases and sign-off are ignored; subject terms
    /// weigh double). The confidence (0..1) is a logistic regression over the evidence in
    /// <see cref="KbAnswerability.Evidence"/>: how well query and article match (cosine, BM25 lead and strength,
    /// term coverage, title and tag match, agreement of the rankings), how much of the query the index knows at
    /// all, and <see cref="KbConcern"/>s in the message (already tried, dispute, account-specific facts, outage,
    /// bug, security, complaint, business request, product idea), which argue for a person. Fitted on the
    /// labelled short questions and customer emails under samples/, 0.8 means "this article alone answers it".
    /// </summary>
    public KbAnswerability Decide(string query, double threshold = 0.8, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var snapshot = _snapshot;
        var search = new HybridSearch(snapshot, _vocabulary, Embedder);
        var candidates = search.Run(QueryAnalyzer.Analyze(query), 2, language);
        if (candidates.Count == 0)
        {
            return new KbAnswerability(null, 0, threshold);
        }

        var evidence = AnswerConfidence.Evidence(snapshot, search, candidates[0]);
        return new KbAnswerability(ToHit(snapshot, candidates[0]), AnswerConfidence.Compute(evidence), threshold) { Evidence = evidence };
    }

    /// <summary>In how many articles the stem of <paramref name="word"/> (a folded word) occurs; 0 when in none.</summary>
    internal int DocumentFrequency(string word)
    {
        var snapshot = _snapshot;
        return _vocabulary.TryGet(LightStemmer.Stem(word), out var id) && id < snapshot.Postings.Length ? snapshot.Postings[id].Docs.Length : 0;
    }

    /// <summary>Articles nearest to the query's embedding, nearest first, with cosine similarity clamped to 0..1.</summary>
    internal IReadOnlyList<(KbArticle Article, double Similarity)> VectorRanking(AnalyzedQuery query, int depth, string? language)
    {
        var snapshot = _snapshot;
        var ranked = new HybridSearch(snapshot, _vocabulary, Embedder).VectorOnly(query, depth, language);
        return Array.ConvertAll(ranked, r => (snapshot.Docs[r.Doc].Article, Math.Clamp((double)r.Score, 0, 1)));
    }

    /// <summary>Document frequencies are estimated from at most 20,000 evenly spaced articles.</summary>
    private static List<KbArticle> FittingSample(List<KbArticle> articles)
    {
        var stride = Math.Max(1, articles.Count / MaxFittingSample);
        var sample = new List<KbArticle>((articles.Count / stride) + 1);
        for (var i = 0; i < articles.Count; i += stride)
        {
            sample.Add(articles[i]);
        }

        return sample;
    }

    private static KbHit ToHit(IndexSnapshot snapshot, Candidate c) =>
        new(snapshot.Docs[c.Ordinal].Article, c.Fused, c.Similarity, c.TextScore);

    /// <summary>All articles' embeddings, row after row, in the batches the embedder prefers.</summary>
    private static float[] EmbedAll(IBatchTextEmbedder embedder, List<KbArticle> articles)
    {
        var vectors = new float[articles.Count * embedder.Dimensions];
        embedder.EmbedMany(articles.ConvertAll(ArticleAnalyzer.EmbeddingText), vectors);
        return vectors;
    }

    /// <summary>One article's embedding; a batch embedder's failure surfaces as <see cref="EmbeddingProviderException"/>.</summary>
    private float[] EmbedArticle(KbArticle article)
    {
        var vector = new float[Embedder.Dimensions];
        if (Embedder is IBatchTextEmbedder batch)
        {
            batch.EmbedMany([ArticleAnalyzer.EmbeddingText(article)], vector);
        }
        else
        {
            Embedder.Embed(ArticleAnalyzer.EmbeddingText(article), vector);
        }

        return vector;
    }

    private static void Validate(KbArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentException.ThrowIfNullOrWhiteSpace(article.Id, nameof(article));
        ArgumentNullException.ThrowIfNull(article.Title, nameof(article));
        ArgumentNullException.ThrowIfNull(article.Body, nameof(article));
        ArgumentNullException.ThrowIfNull(article.Tags, nameof(article));
        ArgumentNullException.ThrowIfNull(article.Language, nameof(article));
    }
}
