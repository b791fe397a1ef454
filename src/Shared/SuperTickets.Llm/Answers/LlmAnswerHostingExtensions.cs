using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace SuperTickets.Llm.Answers;

public static class LlmAnswerHostingExtensions
{
    /// <summary>
    /// Binds and validates section <c>Resolve:LlmAnswers</c> and the language model (<see cref="LlmHostingExtensions.AddLlm"/>);
    /// when a provider is configured, registers the <see cref="IAnswerDrafter"/>. Without one no drafter is registered.
    /// </summary>
    public static IHostApplicationBuilder AddLlmAnswers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddLlm();
        builder.Services.AddOptions<LlmAnswerOptions>().BindConfiguration(LlmAnswerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (builder.Configuration.GetValue($"{LlmOptions.Section}:{nameof(LlmOptions.Provider)}", LlmProvider.None) != LlmProvider.None)
        {
            builder.Services.TryAddSingleton<IAnswerDrafter, LlmAnswerDrafter>();
        }
        return builder;
    }
}
