using System.Text.Json;

namespace RecognitionBot.Teams;

/// <summary>
/// <c>POST /api/messages</c>: authenticate, parse, hand the activity to the bot, answer. Nothing reaches the bot
/// before the token checks out, and nothing the bot does happens for a refused request.
/// </summary>
internal static class TeamsActivityEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, BotFrameworkAuth auth, TeamsBot bot, CancellationToken ct)
    {
        var token = await auth.ValidateTokenAsync(http.Request.Headers.Authorization.ToString(), http.Connection.RemoteIpAddress,
            CameThroughAProxy(http.Request.Headers), ct);
        if (token.Unavailable)
        {
            http.Response.Headers.RetryAfter = "30";
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (!token.Valid) return Results.Unauthorized();

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, BotJson.Options, ct);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The host's request limits cut off an oversized chunked body while we read it.
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        if (activity?.Type is null) return Results.BadRequest();

        switch (auth.CheckActivity(token, activity))
        {
            case AuthOutcome.Unauthorized: return Results.Unauthorized();
            case AuthOutcome.Forbidden: return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var response = await bot.HandleAsync(activity, ct);
        return response is null
            ? Results.Ok()
            : Results.Json(response.Body, BotJson.Options, statusCode: response.Status);
    }

    /// <summary>
    /// Any sign of a proxy in between: the forwarding headers, or what ASP.NET's forwarded-headers middleware leaves
    /// after it applied them (it moves the originals to X-Original-*).
    /// </summary>
    internal static bool CameThroughAProxy(IHeaderDictionary headers) =>
        headers.Keys.Any(h => h.Equals("Forwarded", StringComparison.OrdinalIgnoreCase)
            || h.Equals("X-Real-IP", StringComparison.OrdinalIgnoreCase)
            || h.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase)
            || h.StartsWith("X-Original-", StringComparison.OrdinalIgnoreCase));
}

/// <summary>What the HTTP response to an invoke carries (the Bot Framework's InvokeResponse).</summary>
public sealed record InvokeResponse(int Status, object? Body);
