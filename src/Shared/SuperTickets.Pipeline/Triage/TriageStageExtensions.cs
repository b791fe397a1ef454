using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SuperTickets.Contracts;
using SuperTickets.Llm;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Triage;

public static class TriageStageExtensions
{
    /// <summary>
    /// <see cref="Topics.EmailReceived"/> → classification, threading, noise → <see cref="Topics.EmailTriaged"/>;
    /// with the optional language model of section <c>Llm</c> for unsure results.
    /// </summary>
    public static IHostApplicationBuilder AddTriageStage(this IHostApplicationBuilder builder)
    {
        builder.AddPipelineCore();
        builder.Services.AddOptions<TriageOptions>()
            .BindConfiguration(TriageOptions.Section)
            .Validate(o => o.CategoryModelPath is null || File.Exists(o.CategoryModelPath), "Triage:CategoryModelPath points to a file that does not exist.")
            .ValidateOnStart();
        builder.AddLlm();
        builder.Services.AddMessageType<EmailTriaged>();
        builder.Services.TryAddSingleton<TriageEngine>();
        builder.Services.TryAddSingleton<ConversationThreading>();
        builder.Services.AddConsumer<EmailReceived, EmailReceivedHandler>(Topics.EmailReceived, "triage");
        return builder;
    }
}
