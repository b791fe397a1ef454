using SuperTickets.Pipeline;
using SuperTickets.Pipeline.Hosting;
using SuperTickets.Pipeline.Ingest;
using SuperTickets.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIngestStage();
builder.AddConfiguredMailSources();
builder.AddConfiguredTransport();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapWorkerMetrics();
return await app.RunWorkerAsync();
