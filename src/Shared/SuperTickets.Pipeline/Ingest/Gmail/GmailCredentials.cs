namespace SuperTickets.Pipeline.Ingest.Gmail;

/// <summary>The OAuth scopes of the Gmail API that ingestion and sending ask for.</summary>
public static class GmailCredentials
{
    public const string ReadonlyScope = "https://www.googleapis.com/auth/gmail.readonly";
    public const string SendScope = "https://www.googleapis.com/auth/gmail.send";
    public const string ModifyScope = "https://www.googleapis.com/auth/gmail.modify";
}
