using System.Net;
using Microsoft.Extensions.Http;

namespace RecognitionBot.Observability;

/// <summary>
/// Counts 429 answers on every HttpClient made by IHttpClientFactory (the Slack, Bot Connector and Graph
/// clients), tagged with the client's name. It only observes: retries and Retry-After stay with the callers.
/// </summary>
public sealed class ThrottleCountingHandler(RecognitionMetrics metrics, string clientName) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            metrics.PlatformThrottled(clientName);
        return response;
    }
}

/// <summary>Puts a <see cref="ThrottleCountingHandler"/> in every named client's pipeline, so no adapter has to remember it.</summary>
public sealed class ThrottleCountingFilter(RecognitionMetrics metrics) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        builder.AdditionalHandlers.Insert(0, new ThrottleCountingHandler(metrics, string.IsNullOrEmpty(builder.Name) ? "default" : builder.Name));
    };
}
