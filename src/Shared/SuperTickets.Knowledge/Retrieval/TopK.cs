namespace SuperTickets.Knowledge.Retrieval;

/// <summary>Keeps the k highest-scoring documents with a min-heap; ties go to the lower ordinal.</summary>
internal sealed class TopK(int k)
{
    private readonly (float Score, int Doc)[] _heap = new (float, int)[Math.Max(k, 1)];
    private int _count;

    public void Offer(float score, int doc)
    {
        if (_count < _heap.Length)
        {
            _heap[_count] = (score, doc);
            SiftUp(_count++);
            return;
        }

        if (!Better(score, doc, _heap[0].Score, _heap[0].Doc))
        {
            return;
        }

        _heap[0] = (score, doc);
        SiftDown(0);
    }

    /// <summary>
    /// The kept documents, best first. Takes them out of the heap (the worst is at its root, so they come out from the
    /// back of the result), which leaves it empty.
    /// </summary>
    public (float Score, int Doc)[] ToSortedArray()
    {
        var result = new (float Score, int Doc)[_count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            result[i] = _heap[0];
            _heap[0] = _heap[--_count];
            SiftDown(0);
        }
        return result;
    }

    private static bool Better(float s1, int d1, float s2, int d2) => s1 > s2 || (s1 == s2 && d1 < d2);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Better(_heap[parent].Score, _heap[parent].Doc, _heap[i].Score, _heap[i].Doc))
            {
                return;
            }

            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var worst = i;
            var left = (2 * i) + 1;
            var right = left + 1;
            if (left < _count && Better(_heap[worst].Score, _heap[worst].Doc, _heap[left].Score, _heap[left].Doc))
            {
                worst = left;
            }

            if (right < _count && Better(_heap[worst].Score, _heap[worst].Doc, _heap[right].Score, _heap[right].Doc))
            {
                worst = right;
            }

            if (worst == i)
            {
                return;
            }

            (_heap[worst], _heap[i]) = (_heap[i], _heap[worst]);
            i = worst;
        }
    }
}
