using SuperTickets.Pipeline;
using SuperTickets.Pipeline.Hosting;
using SuperTickets.Pipeline.Ingest;
using SuperTickets.Pipeline.Ingest.Imap;
using SuperTickets.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIngestStage();
if (builder.Configuration.GetSection("Ingest:Imap:Mailboxes").Exists())
{
    builder.AddImapIngestion();
}
builder.AddConfiguredTransport();

var app = builder.Build();
app.MapDefaultEndpoints();
return await app.RunWorkerAsync();
