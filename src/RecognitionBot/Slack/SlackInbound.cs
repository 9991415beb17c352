namespace RecognitionBot.Slack;

/// <summary>
/// Hands verified payloads from either transport to the handlers, and turns their answers into what Slack expects
/// back. A handler's fault becomes a friendly ephemeral answer here, the one place both transports share.
/// </summary>
public sealed class SlackInbound(
    IEnumerable<ISlackCommandHandler> commandHandlers,
    IEnumerable<ISlackInteractionHandler> interactionHandlers,
    IEnumerable<ISlackEventHandler> eventHandlers,
    ILogger<SlackInbound> log)
{
    public async Task<SlackCommandReply> CommandAsync(SlackSlashCommand command, CancellationToken ct)
    {
        var handler = commandHandlers.LastOrDefault();
        if (handler is null) return SlackCommandReply.Ephemeral(new SlackMessage(SlackTexts.Get(SlackTexts.CommandUnavailable)));
        try
        {
            return SlackCommandReply.Ephemeral(await handler.HandleAsync(command, ct));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Slack command from {User} in {Team} failed", command.UserId, command.TeamId);
            return SlackCommandReply.Ephemeral(new SlackMessage(SlackTexts.Get(SlackTexts.CommandFailed)));
        }
    }

    public async Task<SlackViewErrors?> InteractionAsync(SlackInteraction interaction, CancellationToken ct)
    {
        var handler = interactionHandlers.LastOrDefault();
        if (handler is null) return null;
        try
        {
            return await handler.HandleAsync(interaction, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The handler tells the clicker itself when it can; an empty ack at least closes a modal cleanly.
            log.LogError(e, "Slack {InteractionType} from {User} in {Team} failed", interaction.Type, interaction.UserId, interaction.TeamId);
            return null;
        }
    }

    /// <summary>Runs every event handler; a fault propagates so the transport withholds its ack and Slack redelivers.</summary>
    public async Task EventAsync(SlackEvent slackEvent, CancellationToken ct)
    {
        foreach (var handler in eventHandlers)
            await handler.HandleAsync(slackEvent, ct);
    }
}

/// <summary>The immediate answer to a slash command (HTTP response body, or Socket Mode ack payload).</summary>
public sealed record SlackCommandReply(string ResponseType, string Text, IReadOnlyList<Block>? Blocks)
{
    public static SlackCommandReply Ephemeral(SlackMessage message) => new("ephemeral", message.Text, message.Blocks);
}
