using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using SuperTickets.Admin;
using SuperTickets.Messaging;
using SuperTickets.Pipeline;
using SuperTickets.Pipeline.Hosting;
using SuperTickets.Pipeline.Ingest;
using SuperTickets.Pipeline.Resolve;
using SuperTickets.Pipeline.Respond;
using SuperTickets.Pipeline.Sla;
using SuperTickets.Pipeline.Triage;
using SuperTickets.ServiceDefaults;

namespace SuperTickets.Cli.Embedded;

/// <summary>Every stage and the admin API in one process, on the in-process transport and SQLite.</summary>
public static class EmbeddedHost
{
    public static WebApplication Build(EmbeddedRunSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = settings.Args,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = EmbeddedDefaults.For(settings.DataDirectory, settings.SamplesDirectory),
        });
        if (settings.Overrides is { } overrides)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }
        builder.WebHost.UseUrls(settings.Urls);

        builder.AddServiceDefaults();
        builder.AddPipelineCore();
        builder.AddSeeding();
        builder.Services.AddInProcessTransport();
        builder.AddIngestStage();
        builder.AddTriageStage();
        builder.AddResolveStage();
        builder.AddRespondStage();
        builder.AddSlaStage();
        builder.AddConfiguredMailSources();
        builder.AddConfiguredMailSender();
        builder.AddAdminApi();

        var app = builder.Build();
        app.MapAdminApi();
        return app;
    }
}
