using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Polly;

namespace SuperTickets.Llm.Resilience;

/// <summary>Runs every call of the inner client through a resilience pipeline (see <see cref="LlmResilience"/>).</summary>
public sealed class ResilientChatClient(IChatClient inner, ResiliencePipeline pipeline) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = new Call(InnerClient, messages.ToList(), options);
        return pipeline.ExecuteAsync(
            static async (call, token) => await call.Client.GetResponseAsync(call.Messages, call.Options, token).ConfigureAwait(false),
            call,
            cancellationToken).AsTask();
    }

    /// <summary>Streams the complete answer once the resilient call has succeeded.</summary>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    private sealed record Call(IChatClient Client, List<ChatMessage> Messages, ChatOptions? Options);
}
