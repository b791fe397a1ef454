using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SuperTickets.Admin.Agents;
using SuperTickets.Admin.Audit;
using SuperTickets.Admin.Auth;
using SuperTickets.Admin.DeadLetters;
using SuperTickets.Admin.Docs;
using SuperTickets.Admin.Emails;
using SuperTickets.Admin.Health;
using SuperTickets.Admin.Http;
using SuperTickets.Admin.Knowledge;
using SuperTickets.Admin.Mailboxes;
using SuperTickets.Admin.Metrics;
using SuperTickets.Admin.Sla;
using SuperTickets.Admin.Tickets;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Data.Admin;
using SuperTickets.Knowledge.Embedding;
using SuperTickets.Messaging;
using SuperTickets.Pipeline;
using SuperTickets.Pipeline.Ingest;
using SuperTickets.Pipeline.Resolve;
using SuperTickets.Pipeline.Sla;

namespace SuperTickets.Admin;

public static class AdminApiExtensions
{
    /// <summary>
    /// The admin API's services: data access (unless already added), API-key authentication with roles, rate
    /// limits, problem details, OpenAPI, health checks (database, transport, mailboxes) and the admin stores.
    /// Works beside the pipeline stages (embedded) or alone (distributed, where worker relays send its outbox rows).
    /// </summary>
    public static WebApplicationBuilder AddAdminApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(IOutboxStore)))
        {
            services.AddDataAccess();
        }
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (!services.Any(d => d.ServiceType == typeof(IConfigureOptions<MailOptions>)))
        {
            services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        }
        if (!services.Any(d => d.ServiceType == typeof(IConfigureOptions<IngestOptions>)))
        {
            services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        }
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MessageSerializer>();
        services.AddMessageType<EmailReceived>();
        services.AddMessageType<ReplyRequested>();
        services.AddMessageType<TicketEvent>();
        services.TryAddSingleton<ApiKeyStore>();
        services.TryAddSingleton<AuditLogStore>();
        services.TryAddSingleton<TicketAdminStore>();
        services.TryAddSingleton<EmailAdminStore>();
        services.TryAddSingleton<DeadLetterAdminStore>();
        services.TryAddSingleton<SlaAdminStore>();
        services.TryAddSingleton<KbAdminStore>();
        services.TryAddSingleton<AgentAdminStore>();
        services.TryAddSingleton<MetricsQueries>();
        builder.AddKnowledgeEmbeddings();
        services.TryAddSingleton<KnowledgeBase>();
        services.TryAddSingleton<SlaCatalog>();
        services.TryAddSingleton<SlaPlanner>();
        services.TryAddSingleton<TicketSlaClock>();
        services.TryAddSingleton<EmailReprocessor>();
        services.TryAddScoped<TicketCommands>();
        services.TryAddScoped<DeadLetterCommands>();

        services.AddAdminSecurity();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecurityTransformer>());
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<TransportHealthCheck>("transport", tags: ["ready"])
            .AddCheck<MailboxHealthCheck>("mailboxes", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// The middleware (problem details, body limit, authentication, audit, rate limits, authorization) and every
    /// endpoint: health (anonymous), <c>/docs</c> (a static page), <c>/openapi/v1.json</c>, <c>/api/*</c>, <c>/metrics</c>.
    /// </summary>
    public static WebApplication MapAdminApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<AuditMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous();
        app.MapOpenApi().RequireAuthorization(AdminRoles.Viewer);
        DocsPage.Map(app);

        var api = app.MapGroup("/api");
        TicketEndpoints.Map(api);
        EmailEndpoints.Map(api);
        DeadLetterEndpoints.Map(api);
        SlaEndpoints.Map(api);
        KnowledgeEndpoints.Map(api);
        AgentEndpoints.Map(api);
        MailboxEndpoints.Map(api);
        AuditEndpoints.Map(api);
        ApiKeyEndpoints.Map(api);
        MetricsEndpoint.Map(app);
        return app;
    }
}
