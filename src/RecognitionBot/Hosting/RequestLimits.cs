using Microsoft.AspNetCore.Http.Features;

namespace RecognitionBot.Hosting;

/// <summary>
/// Body size limits on the platform endpoints. Slack and Teams payloads are a few kilobytes; anything far
/// larger is refused with 413 before an adapter reads it (and before a signature is computed over it).
/// </summary>
public static class RequestLimits
{
    /// <summary>Slack's slash commands, interactions and events: form or JSON bodies of a few KB.</summary>
    public const long SlackMaxBodyBytes = 256 * 1024;

    /// <summary>Bot Framework activities, invokes included (a card's data rides along): well under 1 MiB.</summary>
    public const long TeamsMaxBodyBytes = 1024 * 1024;

    /// <summary>Every other path (health probes, OAuth redirects).</summary>
    public const long OtherMaxBodyBytes = 64 * 1024;

    public static long LimitFor(PathString path) =>
        path.StartsWithSegments("/slack", StringComparison.OrdinalIgnoreCase) ? SlackMaxBodyBytes
        : path.StartsWithSegments("/api/messages", StringComparison.OrdinalIgnoreCase) ? TeamsMaxBodyBytes
        : OtherMaxBodyBytes;

    /// <summary>Early in the pipeline: a declared length over the limit gets 413 at once; a chunked body is cut off by the server at the limit.</summary>
    public static IApplicationBuilder UseRecognitionRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = LimitFor(context.Request.Path);
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
            await next(context);
        });
}
