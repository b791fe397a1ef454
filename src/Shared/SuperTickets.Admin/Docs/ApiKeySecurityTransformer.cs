using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SuperTickets.Admin.Auth;

namespace SuperTickets.Admin.Docs;

/// <summary>Names the API and declares its two ways to present a key (X-Api-Key header or bearer token).</summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "SuperTickets admin API";
        document.Info.Description =
            "Tickets, emails, dead letters, SLA, knowledge base, agents, mailboxes and metrics. Every endpoint except " +
            "/health/* needs an API key (`supertickets apikey create --role admin|agent|viewer`). Roles: viewer reads; " +
            "agent also updates and answers tickets; admin may do everything. Errors are RFC 9457 problem details.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "The key printed by `supertickets apikey create`.",
        };
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same key as a bearer token.",
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
