using Microsoft.Extensions.Options;

namespace RecognitionBot.Slack;

/// <summary>
/// Runs before the Slack endpoints' handlers (which bind nothing themselves): reads the raw body, answers Slack's
/// unsigned <c>ssl_check</c>, and refuses anything not signed with our secret in the last five minutes with 401,
/// before a single byte of it is interpreted.
/// </summary>
public sealed class SlackSignatureFilter(SlackRequestVerifier verifier, IOptions<SlackOptions> options, ILogger<SlackSignatureFilter> log) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!options.Value.HttpEnabled) return Results.NotFound();

        var body = await SlackRequestBody.ReadAsync(http.Request, http.RequestAborted);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

        // Slack's certificate probe is unsigned and only wants a 200; it never reaches a handler.
        if (IsForm(http.Request) && body.Field("ssl_check") == "1") return Results.Ok();

        var headers = http.Request.Headers;
        if (!verifier.IsValid(headers[SlackRequestVerifier.TimestampHeader], headers[SlackRequestVerifier.SignatureHeader], body.Bytes.Span))
        {
            log.LogWarning("Refused a Slack request to {Path}: bad or stale signature", http.Request.Path);
            return Results.Unauthorized();
        }

        http.Features.Set(body);
        return await next(context);
    }

    private static bool IsForm(HttpRequest request) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
}
