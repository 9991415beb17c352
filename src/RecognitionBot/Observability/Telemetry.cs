using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace RecognitionBot.Observability;

public static class Telemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// OpenTelemetry traces and metrics: ASP.NET Core, HttpClient and the bot's own (RecognitionMetrics),
    /// exported to Application Insights (with the logs) when APPLICATIONINSIGHTS_CONNECTION_STRING is set,
    /// as the Bicep template does. Without it the metrics still run for any local listener (dotnet-counters), but
    /// request and HttpClient spans are recorded only when <c>Telemetry:Traces</c> is true (e.g. with an exporter of
    /// your own): spans nobody exports cost every request CPU for nothing (measured with bench/run.sh slack).
    /// Health probes stay out of the traces: App Service calls them every minute on every instance.
    /// </summary>
    public static IServiceCollection AddRecognitionTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<RecognitionMetrics>();
        services.AddSingleton<Core.Commands.ICommandObserver, CommandMetrics>();
        services.AddHttpClient();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ThrottleCountingFilter>());
        // Options, not a delegate on AddAspNetCoreInstrumentation: the Azure Monitor distro adds that instrumentation itself.
        services.Configure<AspNetCoreTraceInstrumentationOptions>(o => o.Filter = context => !IsHealthProbe(context.Request.Path));

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("RecognitionBot"))
            // "RecognitionBot.*" too: jobs and adapters may keep meters of their own (e.g. RecognitionBot.Outbox).
            .WithTracing(tracing => tracing.AddSource(RecognitionMetrics.ActivitySourceName, RecognitionMetrics.ActivitySourceName + ".*"))
            .WithMetrics(metrics => metrics.AddMeter(RecognitionMetrics.MeterName, RecognitionMetrics.MeterName + ".*"));

        var connectionString = configuration[ConnectionStringSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            // Adds the ASP.NET Core and HttpClient instrumentation and the log exporter; adding them again would double every span.
            otel.UseAzureMonitor(o => o.ConnectionString = connectionString);
        }
        else
        {
            otel.WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
            if (configuration.GetValue<bool>("Telemetry:Traces"))
                otel.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        }
        return services;
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments("/readyz", StringComparison.OrdinalIgnoreCase);
}
