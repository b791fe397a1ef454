namespace SuperTickets.ServiceDefaults;

public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Log email addresses and subjects in clear. For debugging only; off by default.</summary>
    public bool LogPersonalData { get; set; }
}
