using System.Globalization;

namespace SuperTickets.Mail.Net.Imap;

public sealed partial class ImapClient
{
    /// <summary>The mailbox opened by the last SELECT or EXAMINE, with its message count kept current.</summary>
    public ImapMailboxState? SelectedMailbox { get; private set; }

    /// <summary>Opens a mailbox (EXAMINE when <paramref name="readOnly"/>), reporting UIDVALIDITY, UIDNEXT and EXISTS.</summary>
    public async Task<ImapMailboxState> SelectAsync(string mailbox, CancellationToken ct, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailbox);
        SelectedMailbox = null;
        uint uidValidity = 0, uidNext = 0;
        _exists = 0;
        var ok = await ExecuteAsync(new ImapCommand(readOnly ? "EXAMINE" : "SELECT").Mailbox(mailbox), response =>
        {
            if (response.CodeName == "UIDVALIDITY" && uint.TryParse(response.CodeArgument, CultureInfo.InvariantCulture, out var validity))
            {
                uidValidity = validity;
            }
            else if (response.CodeName == "UIDNEXT" && uint.TryParse(response.CodeArgument, CultureInfo.InvariantCulture, out var next))
            {
                uidNext = next;
            }
        }, ct);
        if (uidValidity == 0)
        {
            throw new ImapException($"The server did not report UIDVALIDITY for the selected mailbox; UIDs cannot be trusted.");
        }

        _mailboxChanged = false;
        SelectedMailbox = new ImapMailboxState(mailbox, uidValidity, uidNext, _exists, readOnly || ok.CodeName == "READ-ONLY");
        return SelectedMailbox;
    }

    /// <summary>Runs UID SEARCH with IMAP search keys (e.g. <c>UID 101:*</c>, <c>UNSEEN</c>) and returns the UIDs in ascending order.</summary>
    public async Task<IReadOnlyList<uint>> UidSearchAsync(string criteria, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(criteria);
        RequireSelected();
        var uids = new List<uint>();
        await ExecuteAsync(new ImapCommand("UID SEARCH").Raw(criteria), response =>
        {
            if (response.DataKeyword == "SEARCH")
            {
                foreach (var token in response.Data.Skip(1))
                {
                    if (token is ImapAtom atom && atom.TryGetNumber(out var uid))
                    {
                        uids.Add(uid);
                    }
                }
            }
        }, ct);
        uids.Sort();
        return uids;
    }

    /// <summary>Fetches whole messages (BODY.PEEK[], so \Seen is not set) and flags, in ascending UID order. Expunged UIDs are simply absent.</summary>
    public async Task<IReadOnlyList<ImapMessage>> UidFetchAsync(IEnumerable<uint> uids, CancellationToken ct)
    {
        var set = ImapUidSet.Format(uids);
        if (set.Length == 0)
        {
            return [];
        }

        RequireSelected();
        var messages = new SortedDictionary<uint, ImapMessage>();
        await ExecuteAsync(new ImapCommand("UID FETCH").Raw(set).Raw("(UID FLAGS BODY.PEEK[])"), response =>
        {
            if (response.DataKeyword == "FETCH" && ImapFetchParser.TryParse(response, out var message))
            {
                messages[message.Uid] = message;
            }
        }, ct);
        return [.. messages.Values];
    }

    /// <summary>Adds (or removes) flags such as <c>\Seen</c> on the given UIDs, silently.</summary>
    public async Task UidStoreFlagsAsync(IEnumerable<uint> uids, IEnumerable<string> flags, CancellationToken ct, bool add = true)
    {
        var set = ImapUidSet.Format(uids);
        if (set.Length == 0)
        {
            return;
        }

        RequireSelected();
        var flagList = string.Join(' ', flags.Select(ValidateFlag));
        await ExecuteAsync(new ImapCommand("UID STORE").Raw(set).Raw((add ? "+" : "-") + $"FLAGS.SILENT ({flagList})"), null, ct);
    }

    /// <summary>Appends a message to a mailbox; returns its UID when the server reports it (UIDPLUS).</summary>
    public async Task<uint?> AppendAsync(string mailbox, ReadOnlyMemory<byte> message, CancellationToken ct, IEnumerable<string>? flags = null)
    {
        var command = new ImapCommand("APPEND").Mailbox(mailbox);
        if (flags is not null)
        {
            command.Raw($"({string.Join(' ', flags.Select(ValidateFlag))})");
        }

        var ok = await ExecuteAsync(command.Literal(message), null, ct);
        return ok.CodeName == "APPENDUID" && ok.CodeArgument?.Split(' ') is [_, var uid] && uint.TryParse(uid, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    public async Task CreateMailboxAsync(string mailbox, CancellationToken ct) =>
        await ExecuteAsync(new ImapCommand("CREATE").Mailbox(mailbox), null, ct);

    public async Task DeleteMailboxAsync(string mailbox, CancellationToken ct) =>
        await ExecuteAsync(new ImapCommand("DELETE").Mailbox(mailbox), null, ct);

    /// <summary>Sends NOOP; returns true when the selected mailbox changed (new or expunged messages) since the last check.</summary>
    public async Task<bool> NoopAsync(CancellationToken ct)
    {
        await ExecuteAsync(new ImapCommand("NOOP"), null, ct);
        return TakeMailboxChange();
    }

    /// <summary>
    /// Waits in IDLE until the selected mailbox changes or <paramref name="maxWait"/> passes, then ends IDLE with DONE.
    /// Without the IDLE capability it waits and polls with NOOP. Returns true when a change was reported.
    /// </summary>
    public async Task<bool> IdleAsync(TimeSpan maxWait, CancellationToken ct)
    {
        RequireSelected();
        if (!_capabilities.Contains("IDLE"))
        {
            await Task.Delay(maxWait, ct);
            return await NoopAsync(ct);
        }

        EnsureUsable();
        var command = new ImapCommand("IDLE");
        var tag = "A" + (++_tag).ToString("D4", CultureInfo.InvariantCulture);
        await _connection.WriteAsync(System.Text.Encoding.ASCII.GetBytes(tag + " IDLE\r\n"), ct);
        await WaitForContinuationAsync(tag, command, null, ct);

        var deadline = Task.Delay(maxWait, ct);
        var doneSent = false;
        var pending = ReadResponseAsync(ct, maxWait + _endpoint.Timeout);
        while (true)
        {
            if (!doneSent && await Task.WhenAny(pending, deadline) == deadline)
            {
                _faulted |= deadline.IsCanceled;
                ct.ThrowIfCancellationRequested();
                await SendDoneAsync();
                continue;
            }

            var response = await pending;
            if (response.Kind == ImapResponseKind.Tagged)
            {
                Complete(tag, command, response);
                return TakeMailboxChange();
            }

            HandleUntagged(response);
            if (_mailboxChanged && !doneSent)
            {
                await SendDoneAsync();
            }

            pending = ReadResponseAsync(ct);
        }

        async Task SendDoneAsync()
        {
            doneSent = true;
            await _connection.WriteAsync("DONE\r\n"u8.ToArray(), ct);
        }
    }

    private bool TakeMailboxChange()
    {
        var changed = _mailboxChanged;
        _mailboxChanged = false;
        if (SelectedMailbox is not null)
        {
            SelectedMailbox = SelectedMailbox with { Exists = _exists };
        }

        return changed;
    }

    private void RequireSelected()
    {
        if (SelectedMailbox is null)
        {
            throw new InvalidOperationException("Select a mailbox first.");
        }
    }

    private static string ValidateFlag(string flag) =>
        flag.Length > 0 && flag.All(c => c is > ' ' and <= '~' and not '(' and not ')' and not '{' and not '"' and not ']')
            ? flag
            : throw new ArgumentException($"'{flag}' is not a valid IMAP flag.", nameof(flag));
}
