using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SuperTickets.Contracts;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Resolve;

public static class ResolveStageExtensions
{
    /// <summary><see cref="Topics.EmailTriaged"/> → tickets, auto-answers, assignment → replies and ticket events.</summary>
    public static IHostApplicationBuilder AddResolveStage(this IHostApplicationBuilder builder)
    {
        builder.AddPipelineCore();
        builder.Services.AddOptions<ResolveOptions>()
            .BindConfiguration(ResolveOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddMessageType<ReplyRequested>();
        builder.Services.AddMessageType<TicketEvent>();
        builder.Services.AddMessageType<MeetingRequested>();
        builder.Services.TryAddSingleton<KnowledgeBase>();
        builder.Services.TryAddSingleton<ReplyComposer>();
        builder.Services.TryAddSingleton<ConversationThreading>();
        builder.Services.AddConsumer<EmailTriaged, EmailTriagedHandler>(Topics.EmailTriaged, "resolve");
        return builder;
    }
}
