namespace SuperTickets.Messaging.Kafka.Tests;

/// <summary>A transport consumer running in the background until disposed.</summary>
public sealed class RunningConsumer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public RunningConsumer(IMessageTransport transport, string topic, string group, IEnvelopeBatchProcessor processor)
    {
        Completion = transport.RunConsumerAsync(topic, group, processor, _stop.Token);
    }

    public Task Completion { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Completion.WaitAsync(TimeSpan.FromSeconds(30));
        _stop.Dispose();
    }
}
