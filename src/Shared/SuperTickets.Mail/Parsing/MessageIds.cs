namespace SuperTickets.Mail.Parsing;

/// <summary>Extracts msg-id values (without angle brackets) from Message-ID, In-Reply-To, References and Content-ID.</summary>
internal static class MessageIds
{
    private const int MaxIds = 500;

    public static string? First(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var lt = value.IndexOf('<');
        if (lt >= 0)
        {
            var gt = value.IndexOf('>', lt + 1);
            var inner = (gt < 0 ? value[(lt + 1)..] : value[(lt + 1)..gt]).Trim();
            return inner.Length == 0 ? null : Compact(inner);
        }

        var token = value.Trim();
        var space = token.IndexOfAny([' ', '\t', '(']);
        token = space >= 0 ? token[..space] : token;
        return token.Length == 0 ? null : token;
    }

    public static IReadOnlyList<string> All(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var ids = new List<string>();
        if (value.IndexOf('<') < 0)
        {
            foreach (var token in value.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                if (ids.Count < MaxIds && token.Contains('@'))
                {
                    ids.Add(token);
                }
            }

            return ids;
        }

        var pos = 0;
        while (ids.Count < MaxIds)
        {
            var lt = value.IndexOf('<', pos);
            if (lt < 0)
            {
                break;
            }

            var gt = value.IndexOf('>', lt + 1);
            if (gt < 0)
            {
                break;
            }

            var inner = value[(lt + 1)..gt].Trim();
            if (inner.Length > 0)
            {
                ids.Add(Compact(inner));
            }

            pos = gt + 1;
        }

        return ids;
    }

    private static string Compact(string id) => id.Contains(' ') ? id.Replace(" ", string.Empty) : id;
}
