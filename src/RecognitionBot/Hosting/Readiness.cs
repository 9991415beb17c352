using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RecognitionBot.Core.Storage;

namespace RecognitionBot.Hosting;

/// <summary>Ready = the storage account answers. A bot that cannot reach its ledger should get no traffic.</summary>
public sealed class StorageReadiness(TableStore tables) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken) =>
        await tables.IsReachableAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Storage is reachable.")
            : HealthCheckResult.Unhealthy("Storage is not reachable.");
}

public static class Readiness
{
    public const string Path = "/readyz";
    private const string Tag = "ready";

    /// <summary>The storage check, cut off after a few seconds so a hanging account answers "not ready" quickly.</summary>
    public static IServiceCollection AddRecognitionReadiness(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StorageReadiness>("storage", tags: [Tag], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary>GET /readyz: 200 with {"status":"Healthy",...} when ready, 503 otherwise. No secrets, no exception text.</summary>
    public static IEndpointConventionBuilder MapRecognitionReadiness(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(Path, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(Tag),
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "application/json";
                return JsonSerializer.SerializeAsync(context.Response.Body, new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
                }, cancellationToken: context.RequestAborted);
            },
        });
}
