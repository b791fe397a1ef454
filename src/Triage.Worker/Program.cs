using SuperTickets.Pipeline;
using SuperTickets.Pipeline.Hosting;
using SuperTickets.Pipeline.Triage;
using SuperTickets.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTriageStage();
builder.AddConfiguredTransport();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapWorkerMetrics();
return await app.RunWorkerAsync();
