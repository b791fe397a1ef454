using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SuperTickets.Contracts;
using SuperTickets.Llm.Answers;
using SuperTickets.Knowledge.Embedding;
using SuperTickets.Messaging;
using SuperTickets.Pipeline.Resolve.Meetings;

namespace SuperTickets.Pipeline.Resolve;

public static class ResolveStageExtensions
{
    /// <summary>
    /// <see cref="Topics.EmailTriaged"/> → tickets, auto-answers, assignment → replies and ticket events. Auto-answers are
    /// drafted by the optional language model of section <c>Llm</c> (see <c>Resolve:LlmAnswers</c>). Calls are proposed
    /// by emailed invitation at a default slot; with <c>Resolve:Calendar:Google</c> configured, at a free slot of that
    /// calendar, where <see cref="Topics.MeetingRequested"/> then books them.
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
        builder.AddKnowledgeEmbeddings();
        builder.Services.TryAddSingleton<KnowledgeBase>();
        builder.Services.TryAddSingleton<ReplyComposer>();
        builder.Services.TryAddSingleton<AgentRoster>();
        builder.AddLlmAnswers();
        builder.Services.TryAddSingleton<AnswerDrafting>();
        builder.Services.TryAddSingleton<ConversationThreading>();
        builder.Services.TryAddSingleton<IMeetingSlotFinder, DefaultMeetingSlotFinder>();
        if (builder.Configuration.GetSection(GoogleCalendarOptions.Section).Exists())
        {
            builder.AddGoogleCalendar();
        }
        builder.Services.AddConsumer<EmailTriaged, EmailTriagedHandler>(Topics.EmailTriaged, "resolve");
        return builder;
    }
}
