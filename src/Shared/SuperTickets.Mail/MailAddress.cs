namespace SuperTickets.Mail;

/// <summary>A mailbox: optional display name (decoded) and the address (local@domain, as written).</summary>
public sealed record MailAddress(string? Name, string Address)
{
    /// <summary>The domain part of the address, or an empty string when there is none.</summary>
    public string Domain => Address.LastIndexOf('@') is var at and >= 0 ? Address[(at + 1)..] : string.Empty;

    public override string ToString() => string.IsNullOrEmpty(Name) ? Address : $"{Name} <{Address}>";
}
