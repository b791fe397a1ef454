using SuperTickets.Pipeline.GoogleApi;

namespace SuperTickets.Pipeline.Ingest.Gmail;

/// <summary>
/// How to reach one Gmail account over the REST API: as a service account with domain-wide delegation acting for
/// <see cref="GoogleAccountOptions.User"/>, or with a stored user grant. Requests use the <c>me</c> user id.
/// </summary>
public class GmailAccountOptions() : GoogleAccountOptions("https://gmail.googleapis.com/");
