using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SuperTickets.Contracts;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Ingest;

public static class IngestStageExtensions
{
    /// <summary>Mail sources (drop folders) → raw storage → <see cref="Topics.EmailReceived"/>.</summary>
    public static IHostApplicationBuilder AddIngestStage(this IHostApplicationBuilder builder)
    {
        builder.AddPipelineCore();
        builder.Services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.DropFolders.All(f => !string.IsNullOrWhiteSpace(f.Id) && !string.IsNullOrWhiteSpace(f.Path)),
                "Ingest:DropFolders: every folder needs an Id and a Path.")
            .ValidateOnStart();
        builder.Services.AddMessageType<EmailReceived>();
        builder.Services.TryAddSingleton<IngestService>();
        builder.Services.TryAddSingleton<IngestProgress>();
        builder.Services.AddHostedService<DropFolderPoller>();
        return builder;
    }
}
