namespace SuperTickets.Knowledge.Text;

/// <summary>
/// The distinct words (or stems) of a <see cref="TextTokens"/> in first-seen order, each with a running
/// total: an open-addressing table over the token spans, so counting allocates nothing once it has grown.
/// One instance per thread.
/// </summary>
internal sealed class TokenTally(bool stems)
{
    private int[] _slots = new int[1024];
    private int[] _firstTokens = new int[512];
    private float[] _totals = new float[512];

    /// <summary>Number of distinct entries.</summary>
    public int Count { get; private set; }

    public void Clear()
    {
        Array.Clear(_slots);
        Count = 0;
    }

    /// <summary>The token where entry <paramref name="entry"/> was first seen.</summary>
    public int FirstToken(int entry) => _firstTokens[entry];

    public float Total(int entry) => _totals[entry];

    /// <summary>Adds <paramref name="amount"/> to the entry of token <paramref name="token"/>'s word or stem.</summary>
    public void Add(TextTokens tokens, int token, float amount)
    {
        var key = Key(tokens, token);
        var mask = _slots.Length - 1;
        var slot = string.GetHashCode(key) & mask;
        while (_slots[slot] != 0)
        {
            var entry = _slots[slot] - 1;
            if (key.SequenceEqual(Key(tokens, _firstTokens[entry])))
            {
                _totals[entry] += amount;
                return;
            }

            slot = (slot + 1) & mask;
        }

        if (Count == _firstTokens.Length)
        {
            Array.Resize(ref _firstTokens, Count * 2);
            Array.Resize(ref _totals, Count * 2);
        }

        _firstTokens[Count] = token;
        _totals[Count] = amount;
        _slots[slot] = ++Count;
        if (Count * 2 > _slots.Length)
        {
            Rehash(tokens);
        }
    }

    private ReadOnlySpan<char> Key(TextTokens tokens, int token) => stems ? tokens.Stem(token) : tokens.Word(token);

    private void Rehash(TextTokens tokens)
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var entry = 0; entry < Count; entry++)
        {
            var slot = string.GetHashCode(Key(tokens, _firstTokens[entry])) & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = entry + 1;
        }
    }
}
