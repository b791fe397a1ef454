using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SuperTickets.Contracts;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Respond;

public static class RespondStageExtensions
{
    /// <summary>The consumer group of the respond stage (also the <see cref="MessagingMetrics.ConsumerTag"/> of its metrics).</summary>
    public const string ConsumerGroup = "respond";

    /// <summary><see cref="Topics.ReplyRequested"/> → the mail sender (drop folder by default), once per email.</summary>
    public static IHostApplicationBuilder AddRespondStage(this IHostApplicationBuilder builder)
    {
        builder.AddPipelineCore();
        builder.Services.TryAddSingleton<IMailSender, DropFolderMailSender>();
        builder.Services.AddConsumer<ReplyRequested, ReplyRequestedHandler>(Topics.ReplyRequested, ConsumerGroup);
        return builder;
    }
}
