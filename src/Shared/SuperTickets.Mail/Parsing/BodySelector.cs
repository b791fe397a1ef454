namespace SuperTickets.Mail.Parsing;

/// <summary>Chooses the text and HTML body parts the way mail clients do, and lists the remaining leaves as attachments.</summary>
internal static class BodySelector
{
    public static MimeNode? Find(MimeNode node, string subType, int depth = 0)
    {
        if (depth > 64)
        {
            return null;
        }

        if (node.Children is not { } children)
        {
            return node.IsText(subType) && !node.IsAttachmentDisposition ? node : null;
        }

        if (children.Count == 0)
        {
            return null;
        }

        switch (node.SubType)
        {
            case "alternative":
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    if (Find(children[i], subType, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case "related":
                return Find(RelatedRoot(node, children), subType, depth + 1);
            default:
                return Find(children[0], subType, depth + 1);
        }
    }

    /// <summary>First inline text/plain or text/html leaf anywhere, used when the structure names no body.</summary>
    public static MimeNode? FirstTextLeaf(MimeNode node)
    {
        if (node.Children is not { } children)
        {
            return (node.IsText("plain") || node.IsText("html")) && !node.IsAttachmentDisposition ? node : null;
        }

        foreach (var child in children)
        {
            if (FirstTextLeaf(child) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    public static void CollectAttachments(MimeNode node, MimeNode? text, MimeNode? html, List<MimeNode> into)
    {
        if (node.Children is not { } children)
        {
            if (node != text && node != html && !IsLosingAlternative(node))
            {
                into.Add(node);
            }

            return;
        }

        foreach (var child in children)
        {
            CollectAttachments(child, text, html, into);
        }
    }

    private static bool IsLosingAlternative(MimeNode node) =>
        node.Parent?.SubType == "alternative" && (node.IsText("plain") || node.IsText("html")) && !node.IsAttachmentDisposition;

    private static MimeNode RelatedRoot(MimeNode node, List<MimeNode> children)
    {
        var start = node.ContentType?["start"];
        if (start is not null)
        {
            var id = MessageIds.First(start);
            foreach (var child in children)
            {
                if (id is not null && MessageIds.First(child.Headers.Raw("Content-ID")) == id)
                {
                    return child;
                }
            }
        }

        return children[0];
    }
}
