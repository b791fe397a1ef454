using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Messaging.Kafka;

namespace SuperTickets.Pipeline.Hosting;

/// <summary>Runs a worker process and turns start-up failures into one clear log line and a non-zero exit code.</summary>
public static class WorkerRunner
{
    public static async Task<int> RunWorkerAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SuperTickets.Worker");
        try
        {
            await app.RunAsync();
            return Environment.ExitCode;
        }
        catch (OptionsValidationException ex)
        {
            logger.LogCritical("Configuration error: {Failures}", string.Join(" ", ex.Failures));
            return 2;
        }
        catch (KafkaNativeLibraryException ex)
        {
            logger.LogCritical("{Reason}", ex.Message);
            return 3;
        }
    }
}
