namespace SuperTickets.Mail.Net.Imap;

/// <summary>
/// One server response. Status responses (OK, NO, BAD, BYE, PREAUTH) carry <see cref="Status"/>, an optional
/// response <see cref="Code"/> (the text inside the brackets) and human <see cref="Text"/>; data responses carry
/// their <see cref="Data"/> tokens after the leading <c>*</c>.
/// </summary>
internal sealed record ImapResponse(
    ImapResponseKind Kind,
    string Tag,
    string? Status,
    string? Code,
    string Text,
    IReadOnlyList<ImapToken> Data)
{
    public bool IsStatus(string status) => string.Equals(Status, status, StringComparison.OrdinalIgnoreCase);

    /// <summary>The response code's name (<c>UIDVALIDITY</c> for <c>[UIDVALIDITY 42]</c>), upper-cased.</summary>
    public string? CodeName => Code is null ? null : Code.Split(' ', 2)[0].ToUpperInvariant();

    /// <summary>The response code's argument text (<c>42</c> for <c>[UIDVALIDITY 42]</c>).</summary>
    public string? CodeArgument => Code is null ? null : Code.Split(' ', 2) is { Length: 2 } parts ? parts[1] : null;

    /// <summary>The keyword of a data response (<c>FETCH</c> in <c>* 3 FETCH (...)</c>, <c>SEARCH</c> in <c>* SEARCH 1 2</c>).</summary>
    public string? DataKeyword => Data.Count switch
    {
        0 => null,
        _ when Data[0] is ImapAtom first && first.TryGetNumber(out _) => Data.Count > 1 && Data[1] is ImapAtom second ? second.Value.ToUpperInvariant() : null,
        _ => Data[0] is ImapAtom keyword ? keyword.Value.ToUpperInvariant() : null,
    };

    /// <summary>The leading number of <c>* n EXISTS</c> or <c>* n FETCH</c>.</summary>
    public uint? DataNumber => Data.Count > 0 && Data[0] is ImapAtom atom && atom.TryGetNumber(out var n) ? n : null;
}
