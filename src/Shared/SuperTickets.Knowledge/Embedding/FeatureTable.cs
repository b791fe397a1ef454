namespace SuperTickets.Knowledge.Embedding;

/// <summary>
/// Hashed features of one text in first-seen order: 64-bit feature hash, occurrence count, and the weight
/// of its kind (set when first seen). An open-addressing table kept at most a quarter full, so most probes
/// end at the first slot, and collecting allocates nothing once it has grown. One instance per thread.
/// </summary>
internal sealed class FeatureTable
{
    private ulong[] _keys = new ulong[8192];
    private int[] _entries = new int[8192];
    private ulong[] _hashes = new ulong[2048];
    private int[] _counts = new int[2048];
    private float[] _weights = new float[2048];

    /// <summary>Number of distinct features.</summary>
    public int Count { get; private set; }

    public void Clear()
    {
        Array.Clear(_entries);
        Count = 0;
    }

    public ulong Hash(int entry) => _hashes[entry];

    public int Occurrences(int entry) => _counts[entry];

    public float Weight(int entry) => _weights[entry];

    /// <summary>Counts <paramref name="count"/> occurrences of feature <paramref name="hash"/>; a new feature takes <paramref name="weight"/>.</summary>
    public void Add(ulong hash, float weight, int count)
    {
        var (keys, entries) = (_keys, _entries);
        var mask = keys.Length - 1;
        var index = (int)hash & mask;
        while (entries[index] != 0 && keys[index] != hash)
        {
            index = (index + 1) & mask;
        }

        if (entries[index] != 0)
        {
            _counts[entries[index] - 1] += count;
            return;
        }

        if (Count == _hashes.Length)
        {
            Array.Resize(ref _hashes, Count * 2);
            Array.Resize(ref _counts, Count * 2);
            Array.Resize(ref _weights, Count * 2);
        }

        _hashes[Count] = hash;
        _counts[Count] = count;
        _weights[Count] = weight;
        keys[index] = hash;
        entries[index] = ++Count;
        if (Count * 4 > keys.Length)
        {
            Rehash();
        }
    }

    private void Rehash()
    {
        _keys = new ulong[_keys.Length * 2];
        _entries = new int[_keys.Length];
        var mask = _keys.Length - 1;
        for (var entry = 0; entry < Count; entry++)
        {
            var index = (int)_hashes[entry] & mask;
            while (_entries[index] != 0)
            {
                index = (index + 1) & mask;
            }

            _keys[index] = _hashes[entry];
            _entries[index] = entry + 1;
        }
    }
}
