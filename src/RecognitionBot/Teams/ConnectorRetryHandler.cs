using System.Net;
using Microsoft.Extensions.Options;

namespace RecognitionBot.Teams;

/// <summary>
/// Retries what Teams asks us to retry (PROTOCOLS A7): 429 after its Retry-After, and 412, 5xx with exponential
/// backoff and jitter. Bounded in attempts and in wait, so a long throttle fails the call and the outbox tries later.
/// </summary>
public sealed class ConnectorRetryHandler(IOptions<TeamsOptions> options, TimeProvider time, ILogger<ConnectorRetryHandler> logger)
    : DelegatingHandler
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);

    // Set by the outbox around its posts: it reschedules a throttled post itself rather than wait inline.
    private static readonly AsyncLocal<bool> NoRetry = new();

    /// <summary>Connector calls made until the scope ends fail at the first throttle or outage (the outbox's posts).</summary>
    public static IDisposable Once()
    {
        NoRetry.Value = true;
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => NoRetry.Value = false;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var settings = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            var response = await base.SendAsync(request, ct);
            if (!IsTransient(response.StatusCode) || attempt >= settings.ConnectorMaxAttempts || NoRetry.Value) return response;

            var delay = RetryAfter(response) ?? Backoff(attempt);
            if (delay > settings.ConnectorMaxRetryDelay) return response;

            logger.LogWarning("Connector answered {Status} to {Method} {Path} (operation {Operation}); retry {Attempt} in {Delay}",
                (int)response.StatusCode, request.Method, request.RequestUri?.AbsolutePath, OperationId(response), attempt, delay);
            response.Dispose();
            await Task.Delay(delay, time, ct);
        }
    }

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed || (int)status >= 500;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    private static TimeSpan Backoff(int attempt) =>
        BaseDelay * Math.Pow(2, attempt - 1) + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 100));

    internal static string? OperationId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
}
