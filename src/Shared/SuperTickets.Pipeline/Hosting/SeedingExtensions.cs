using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SuperTickets.Pipeline.Hosting;

public static class SeedingExtensions
{
    /// <summary>Seeds reference data at start-up; register after <see cref="PipelineCoreExtensions.AddPipelineCore"/>, before the stages.</summary>
    public static IHostApplicationBuilder AddSeeding(this IHostApplicationBuilder builder)
    {
        builder.AddPipelineCore();
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        builder.Services.AddHostedService<SeedService>();
        return builder;
    }
}
