using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace SuperTickets.Admin;

public static class AdminApiExtensions
{
    /// <summary>The admin API's services: health checks (liveness, readiness with the database).</summary>
    public static WebApplicationBuilder AddAdminApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Maps the admin endpoints. Health needs no authentication; everything else will.</summary>
    public static WebApplication MapAdminApi(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponseWriter.WriteAsync });
        return app;
    }
}
