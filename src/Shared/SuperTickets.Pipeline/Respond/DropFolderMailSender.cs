using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SuperTickets.Contracts;
using SuperTickets.Data;

namespace SuperTickets.Pipeline.Respond;

/// <summary>
/// Writes each outgoing email as an .eml file. The file name derives from the idempotency key and the file
/// appears atomically (written aside, then moved), so a retry after a crash finds it and writes nothing twice.
/// </summary>
public sealed class DropFolderMailSender(IOptions<MailOptions> options) : IMailSender
{
    private string? _directory;

    public string Name => "drop-folder";

    public bool IsLocal => true;

    public Task<bool> SendAsync(OutboundEmailRecord email, CancellationToken ct) => Task.FromResult(Write(email));

    private bool Write(OutboundEmailRecord email)
    {
        var directory = _directory ??= Directory.CreateDirectory(Path.GetFullPath(options.Value.OutboxDirectory)).FullName;
        var keyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.IdempotencyKey)))[..12];
        var target = Path.Combine(directory, $"{TicketNumber.Format(email.TicketId)}-{email.Kind}-{keyHash}.eml");
        var temporary = Path.Combine(directory, $".{keyHash}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temporary, email.Content);
        try
        {
            File.Move(temporary, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(temporary);
            return false;
        }
    }
}
