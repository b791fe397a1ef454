using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SuperTickets.Messaging;

/// <summary>
/// Runs every registered consumer on the transport once the host has started. A consumer that dies stops the host with
/// exit code 1.
/// </summary>
public sealed partial class ConsumerHostedService(
    IEnumerable<ConsumerRegistration> registrations,
    IMessageTransport transport,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    ILogger<ConsumerHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await HostStart.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }
        var consumers = registrations
            .DistinctBy(r => (r.Topic, r.Group))
            .Select(r => RunAsync(r, stoppingToken))
            .ToList();
        await Task.WhenAll(consumers);
    }

    private async Task RunAsync(ConsumerRegistration registration, CancellationToken ct)
    {
        try
        {
            LogStarting(logger, registration.Group, registration.Topic, transport.Name);
            await transport.RunConsumerAsync(registration.Topic, registration.Group, registration.CreateProcessor(services), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogFatal(logger, registration.Group, registration.Topic, ex);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer {Group} subscribed to {Topic} on the {Transport} transport")]
    private static partial void LogStarting(ILogger logger, string group, string topic, string transport);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Consumer {Group} on {Topic} failed fatally; stopping the process")]
    private static partial void LogFatal(ILogger logger, string group, string topic, Exception ex);
}
