using Microsoft.Extensions.AI;

namespace SuperTickets.Llm.Privacy;

/// <summary>
/// Redacts personal data (see <see cref="PiiRedactor"/>) in every text message and instruction before the inner client
/// sends it. Only text the operator wrote, marked with <see cref="OperatorText"/> (a knowledge-base article), is sent as is.
/// </summary>
public sealed class PiiRedactingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    private const string OperatorTextKey = "supertickets.operator_text";

    /// <summary>
    /// Text the operator wrote and published (knowledge-base articles): not customer data, so support addresses and
    /// numbers in it reach the model. Never use it for anything a customer wrote.
    /// </summary>
    public static TextContent OperatorText(string text) => new(text) { AdditionalProperties = new() { [OperatorTextKey] = true } };

    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(Redact(messages), Redact(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(Redact(messages), Redact(options), cancellationToken);

    private static List<ChatMessage> Redact(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return messages.Select(Redact).ToList();
    }

    private static ChatMessage Redact(ChatMessage message)
    {
        var contents = message.Contents
            .Select(c => c is TextContent text && text.AdditionalProperties?.ContainsKey(OperatorTextKey) != true ? new TextContent(PiiRedactor.Redact(text.Text ?? "")) : c)
            .ToList();
        return new ChatMessage(message.Role, contents) { AuthorName = message.AuthorName, MessageId = message.MessageId };
    }

    private static ChatOptions? Redact(ChatOptions? options)
    {
        if (options?.Instructions is not { Length: > 0 } instructions) return options;
        var copy = options.Clone();
        copy.Instructions = PiiRedactor.Redact(instructions);
        return copy;
    }
}
