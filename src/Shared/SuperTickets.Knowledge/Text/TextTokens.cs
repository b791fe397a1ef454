using System.Runtime.CompilerServices;

namespace SuperTickets.Knowledge.Text;

/// <summary>
/// A reusable buffer of analyzed tokens (the rules of <see cref="TextAnalyzer"/>: folded, split on anything
/// but letters and digits, single letters and stop words dropped, lightly stemmed), each kept word and its stem
/// a span of one character buffer. Once the buffers have grown, analysis allocates nothing for ASCII text.
/// One instance per thread.
/// </summary>
internal sealed class TextTokens
{
    private char[] _chars = new char[4096];
    private int _length;
    private Token[] _tokens = new Token[512];

    /// <summary>Number of tokens.</summary>
    public int Count { get; private set; }

    public void Clear()
    {
        _length = 0;
        Count = 0;
    }

    /// <summary>The folded word of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> Word(int index)
    {
        var token = _tokens[index];
        return _chars.AsSpan(token.Start, token.WordLength);
    }

    /// <summary>The stem of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> Stem(int index)
    {
        var token = _tokens[index];
        return _chars.AsSpan(token.StemStart, token.StemLength);
    }

    /// <summary>Appends the tokens of <paramref name="text"/>; texts appended one after another tokenize as if
    /// joined with a separator.</summary>
    public void Append(string text)
    {
        var folded = IsAscii(text) ? text : TextAnalyzer.Fold(text);
        var start = Reserve(folded.Length + 1);
        var chars = _chars.AsSpan(start, folded.Length);
        if (ReferenceEquals(folded, text))
        {
            System.Text.Ascii.ToLower(text, chars, out _);
        }
        else
        {
            folded.CopyTo(chars);
        }

        _length = start + folded.Length;
        var tokenStart = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            if (i < folded.Length && char.IsLetterOrDigit(_chars[start + i]))
            {
                if (tokenStart < 0)
                {
                    tokenStart = i;
                }

                continue;
            }

            if (tokenStart >= 0)
            {
                AddToken(start + tokenStart, i - tokenStart);
                tokenStart = -1;
            }
        }
    }

    /// <summary>Appends copies of the tokens <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    public void Repeat(int first, int count)
    {
        EnsureTokens(Count + count);
        Array.Copy(_tokens, first, _tokens, Count, count);
        Count += count;
    }

    private void AddToken(int start, int length)
    {
        var word = _chars.AsSpan(start, length);
        if ((length < 2 && !char.IsDigit(word[0])) || StopWords.Contains(word))
        {
            return;
        }

        var stemLength = LightStemmer.StemLength(word, out var appendY);
        var stemStart = start;
        if (appendY)
        {
            stemStart = Reserve(stemLength + 1);
            _chars.AsSpan(start, stemLength).CopyTo(_chars.AsSpan(stemStart));
            _chars[stemStart + stemLength] = 'y';
            _length = stemStart + stemLength + 1;
            stemLength++;
        }

        EnsureTokens(Count + 1);
        _tokens[Count++] = new Token(start, length, stemStart, stemLength);
    }

    /// <summary>Makes room for <paramref name="length"/> more characters and returns where they start.</summary>
    private int Reserve(int length)
    {
        if (_length + length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + length));
        }

        return _length;
    }

    private void EnsureTokens(int count)
    {
        if (count > _tokens.Length)
        {
            Array.Resize(ref _tokens, Math.Max(_tokens.Length * 2, count));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAscii(string text) => System.Text.Ascii.IsValid(text);

    private readonly record struct Token(int Start, int WordLength, int StemStart, int StemLength);
}
