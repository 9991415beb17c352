using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace RecognitionBot.Slack;

/// <summary>
/// Slack's HTTP mode. Every POST passes <see cref="SlackSignatureFilter"/> first; the handlers bind nothing from the
/// request themselves and read the verified bytes it left behind.
/// </summary>
public static class SlackEndpoints
{
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        var slack = endpoints.MapGroup("/slack").WithTags("Slack");
        var signed = slack.MapGroup("").AddEndpointFilter<SlackSignatureFilter>();
        signed.MapPost("/commands", CommandAsync);
        signed.MapPost("/interactions", InteractionAsync);
        signed.MapPost("/events", EventAsync);
        slack.MapGet("/install", SlackOAuth.InstallAsync);
        slack.MapGet("/oauth/callback", SlackOAuth.CallbackAsync);
        return endpoints;
    }

    private static async Task<IResult> CommandAsync(HttpContext http, SlackInbound inbound)
    {
        var body = http.Features.GetRequiredFeature<SlackRequestBody>();
        var command = SlackSlashCommand.From(body.Field);
        if (command is null) return Results.BadRequest();
        var reply = await inbound.CommandAsync(command, http.RequestAborted);
        return reply.IsEmpty ? Results.Ok() : Results.Json(reply, SlackJson.Options);
    }

    private static async Task<IResult> InteractionAsync(HttpContext http, SlackInbound inbound)
    {
        var body = http.Features.GetRequiredFeature<SlackRequestBody>();
        if (body.Field("payload") is not { Length: > 0 } raw) return Results.BadRequest();
        SlackInteraction? interaction;
        try
        {
            using var doc = JsonDocument.Parse(raw);
            interaction = SlackInteraction.FromJson(doc.RootElement);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        if (interaction is null) return Results.BadRequest();
        var reply = await inbound.InteractionAsync(interaction, http.RequestAborted);
        return reply is null ? Results.Ok() : Results.Json(reply, SlackJson.Options);
    }

    private static async Task<IResult> EventAsync(HttpContext http, SlackInbound inbound, ILoggerFactory logs)
    {
        var body = http.Features.GetRequiredFeature<SlackRequestBody>();
        JsonDocument doc;
        try
        {
            doc = body.ParseJson();
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        using (doc)
        {
            var root = doc.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "url_verification")
                return Results.Json(new { challenge = root.TryGetProperty("challenge", out var c) ? c.GetString() : null });
            if (type != "event_callback") return Results.Ok();

            var retry = int.TryParse(http.Request.Headers["X-Slack-Retry-Num"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            var slackEvent = SlackEvent.FromCallback(root, retry);
            if (slackEvent is null) return Results.BadRequest();
            try
            {
                await inbound.EventAsync(slackEvent, http.RequestAborted);
            }
            catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
            {
                // A 500 makes Slack redeliver the event later; the handlers are idempotent on event_id.
                logs.CreateLogger(typeof(SlackEndpoints)).LogError(e, "Slack event {EventId} ({EventType}) failed", slackEvent.EventId, slackEvent.Type);
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            }
            return Results.Ok();
        }
    }
}
