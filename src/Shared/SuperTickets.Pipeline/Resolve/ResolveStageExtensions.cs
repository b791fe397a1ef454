using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SuperTickets.Contracts;
using SuperTickets.Llm.Answers;
using SuperTickets.Messaging;
using SuperTickets.Sla;

namespace SuperTickets.Pipeline.Resolve;

public static class ResolveStageExtensions
{
    /// <summary>
    /// <see cref="Topics.EmailTriaged"/> → tickets, auto-answers, assignment → replies and ticket events; auto-answers are
    /// drafted by the optional language model of section <c>Llm</c> (see <c>Resolve:LlmAnswers</c>).
    /// </summary>
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
        builder.Services.TryAddSingleton(BusinessCalendarSet.Empty);
        builder.Services.TryAddSingleton<SlaPlanner>();
        builder.Services.TryAddSingleton<ReplyComposer>();
        builder.AddLlmAnswers();
        builder.Services.TryAddSingleton<AnswerDrafting>();
        builder.Services.TryAddSingleton<ConversationThreading>();
        builder.Services.AddConsumer<EmailTriaged, EmailTriagedHandler>(Topics.EmailTriaged, "resolve");
        return builder;
    }
}
