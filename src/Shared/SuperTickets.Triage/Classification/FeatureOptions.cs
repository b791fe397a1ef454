namespace SuperTickets.Triage.Classification;

/// <summary>How text is turned into hashed sparse features. Stored in the model file.</summary>
public sealed record FeatureOptions
{
    /// <summary>Number of hash buckets is 2^HashBits (18 to 22).</summary>
    public int HashBits { get; init; } = 20;

    /// <summary>Longest word n-gram (1 = unigrams only, 2 = unigrams and bigrams).</summary>
    public int MaxWordNgram { get; init; } = 2;

    /// <summary>Shortest character n-gram taken inside a word (with boundary markers); 0 disables them.</summary>
    public int MinCharNgram { get; init; } = 1;

    /// <summary>Longest character n-gram taken inside a word.</summary>
    public int MaxCharNgram { get; init; } = 3;

    /// <summary>Weight features by inverse document frequency on top of the log count.</summary>
    public bool UseIdf { get; init; } = true;

    /// <summary>Features seen in fewer training texts than this are dropped.</summary>
    public int MinDocumentFrequency { get; init; } = 1;

    internal void Validate()
    {
        if (HashBits is < 16 or > 24)
            throw new ArgumentOutOfRangeException(nameof(HashBits), HashBits, "HashBits must be between 16 and 24.");
        if (MaxWordNgram is < 1 or > 3)
            throw new ArgumentOutOfRangeException(nameof(MaxWordNgram), MaxWordNgram, "MaxWordNgram must be between 1 and 3.");
        if (MinCharNgram < 0 || MaxCharNgram > 8 || (MinCharNgram > 0 && MinCharNgram > MaxCharNgram))
            throw new ArgumentOutOfRangeException(nameof(MinCharNgram), MinCharNgram, "Character n-gram range must satisfy 0 < min <= max <= 8 (min 0 disables).");
        if (MinDocumentFrequency < 1)
            throw new ArgumentOutOfRangeException(nameof(MinDocumentFrequency), MinDocumentFrequency, "MinDocumentFrequency must be at least 1.");
    }
}
