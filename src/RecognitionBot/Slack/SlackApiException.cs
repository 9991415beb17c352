using System.Net;

namespace RecognitionBot.Slack;

/// <summary>
/// A Web API call that failed: <c>ok:false</c> with Slack's error code (e.g. <c>channel_not_found</c>), an HTTP
/// failure (<c>http_503</c>), or throttling (<c>ratelimited</c>) that outlived the inline retries.
/// </summary>
public sealed class SlackApiException(string method, string error, HttpStatusCode? status = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"Slack {method} failed: {error}", inner)
{
    public string Method { get; } = method;

    public string Error { get; } = error;

    public HttpStatusCode? Status { get; } = status;

    /// <summary>How long Slack asked us to wait, when it throttled.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Worth trying again later (throttled, Slack-side or network failure); otherwise retrying cannot help.</summary>
    public bool IsTransient =>
        RetryAfter is not null
        || (Status is { } s && (int)s >= 500)
        || Error is "network" or "timeout" or "ratelimited" or "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout";
}
