using SuperTickets.Pipeline;
using SuperTickets.Pipeline.Hosting;
using SuperTickets.Pipeline.Sla;
using SuperTickets.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSlaStage();
builder.AddConfiguredTransport();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapWorkerMetrics();
return await app.RunWorkerAsync();
