using SuperTickets.Pipeline;
using SuperTickets.Pipeline.Hosting;
using SuperTickets.Pipeline.Resolve;
using SuperTickets.Pipeline.Respond;
using SuperTickets.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddResolveStage();
builder.AddRespondStage();
builder.AddConfiguredMailSender();
builder.AddConfiguredTransport();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapWorkerMetrics();
return await app.RunWorkerAsync();
