namespace RecognitionBot.Slack;

// The seam between the two transports (HTTP endpoints, Socket Mode) and what the app does with Slack's payloads.
// Both transports verify, parse into the records of SlackInboundPayloads.cs, call SlackInbound, and send back what it
// returns. Each handler must answer well within Slack's 3 seconds: slow work goes to the outbox.

/// <summary>Answers a slash command; the message goes back to the person who typed it only (ephemeral).</summary>
public interface ISlackCommandHandler
{
    Task<SlackMessage> HandleAsync(SlackSlashCommand command, CancellationToken ct);
}

/// <summary>Handles clicks and modal submissions; a non-null result keeps a modal open with field errors.</summary>
public interface ISlackInteractionHandler
{
    Task<SlackViewErrors?> HandleAsync(SlackInteraction interaction, CancellationToken ct);
}

/// <summary>Sees every event callback; several may be registered, each ignoring the types it does not care about.</summary>
public interface ISlackEventHandler
{
    Task HandleAsync(SlackEvent slackEvent, CancellationToken ct);
}
