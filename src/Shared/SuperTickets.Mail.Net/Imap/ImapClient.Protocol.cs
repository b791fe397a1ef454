using System.Globalization;
using System.Text;

namespace SuperTickets.Mail.Net.Imap;

public sealed partial class ImapClient
{
    private uint _exists;
    private bool _mailboxChanged;

    /// <summary>
    /// Sends a command and reads until its tagged completion; untagged responses go to <paramref name="onUntagged"/>
    /// after the client's own bookkeeping. NO and BAD raise <see cref="ImapException"/>.
    /// </summary>
    private async Task<ImapResponse> ExecuteAsync(ImapCommand command, Action<ImapResponse>? onUntagged, CancellationToken ct, Func<Task>? onContinuation = null)
    {
        EnsureUsable();
        var tag = "A" + (++_tag).ToString("D4", CultureInfo.InvariantCulture);
        var texts = command.Texts;
        for (var i = 0; i < texts.Count; i++)
        {
            if (i == texts.Count - 1)
            {
                await _connection.WriteAsync(Encoding.UTF8.GetBytes((i == 0 ? tag + " " : string.Empty) + texts[i] + "\r\n"), ct);
                break;
            }

            var literal = command.Literals[i];
            var nonSynchronizing = _capabilities.Contains("LITERAL+") || (_capabilities.Contains("LITERAL-") && literal.Length <= 4096);
            var marker = nonSynchronizing ? $"{{{literal.Length}+}}\r\n" : $"{{{literal.Length}}}\r\n";
            await _connection.WriteAsync(Encoding.UTF8.GetBytes((i == 0 ? tag + " " : string.Empty) + texts[i] + marker), ct);
            if (!nonSynchronizing)
            {
                await WaitForContinuationAsync(tag, command, onUntagged, ct);
            }

            await _connection.WriteAsync(literal, ct);
        }

        while (true)
        {
            var response = await ReadResponseAsync(ct);
            switch (response.Kind)
            {
                case ImapResponseKind.Untagged:
                    HandleUntagged(response);
                    onUntagged?.Invoke(response);
                    break;
                case ImapResponseKind.Continuation when onContinuation is not null:
                    await onContinuation();
                    break;
                case ImapResponseKind.Continuation:
                    throw Fault(new ImapException($"IMAP {command.Name}: unexpected continuation request '{response.Text}'."));
                default:
                    return Complete(tag, command, response);
            }
        }
    }

    private async Task WaitForContinuationAsync(string tag, ImapCommand command, Action<ImapResponse>? onUntagged, CancellationToken ct)
    {
        while (true)
        {
            var response = await ReadResponseAsync(ct);
            if (response.Kind == ImapResponseKind.Continuation)
            {
                return;
            }

            if (response.Kind == ImapResponseKind.Tagged)
            {
                Complete(tag, command, response);
                throw Fault(new ImapException($"IMAP {command.Name}: the server completed the command before accepting its literal."));
            }

            HandleUntagged(response);
            onUntagged?.Invoke(response);
        }
    }

    private ImapResponse Complete(string tag, ImapCommand command, ImapResponse response)
    {
        if (response.Tag != tag)
        {
            throw Fault(new ImapException($"IMAP {command.Name}: expected completion of {tag}, got '{response.Tag}'."));
        }

        HandleStatusCode(response);
        if (response.IsStatus("OK"))
        {
            return response;
        }

        throw command.IsAuthentication && response.IsStatus("NO")
            ? new ImapAuthenticationException(command.Name, response.Status!, response.Code, response.Text)
            : new ImapException(command.Name, response.Status ?? "?", response.Code, response.Text);
    }

    private async Task<ImapResponse> ReadResponseAsync(CancellationToken ct, TimeSpan? firstLineTimeout = null)
    {
        try
        {
            return await ImapResponseParser.ReadAsync(_connection, MaxLiteralSize, ct, firstLineTimeout);
        }
        catch (IOException) when (_bye is not null)
        {
            _faulted = true;
            throw new ImapException("BYE", "BYE", null, _bye);
        }
        catch (ImapException)
        {
            _faulted = true;
            throw;
        }
    }

    private void HandleUntagged(ImapResponse response)
    {
        if (response.Status is not null)
        {
            if (response.IsStatus("BYE"))
            {
                _bye = response.Text;
            }

            HandleStatusCode(response);
            return;
        }

        switch (response.DataKeyword)
        {
            case "CAPABILITY":
                _capabilities = new HashSet<string>(response.Data.Skip(1).OfType<ImapAtom>().Select(a => a.Value), StringComparer.OrdinalIgnoreCase);
                break;
            case "EXISTS" when response.DataNumber is { } exists:
                _mailboxChanged |= exists != _exists;
                _exists = exists;
                break;
            case "EXPUNGE":
                _mailboxChanged = true;
                _exists = _exists > 0 ? _exists - 1 : 0;
                break;
        }
    }

    private void HandleStatusCode(ImapResponse response)
    {
        if (response.CodeName == "CAPABILITY" && response.CodeArgument is { } capabilities)
        {
            _capabilities = new HashSet<string>(capabilities.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
        }
    }

    private void EnsureUsable()
    {
        if (_bye is not null)
        {
            throw new ImapException("BYE", "BYE", null, _bye);
        }

        if (_faulted || _connection.IsBroken)
        {
            throw new IOException("The IMAP connection failed earlier; connect again.");
        }
    }

    private ImapException Fault(ImapException exception)
    {
        _faulted = true;
        return exception;
    }
}
