using Microsoft.Extensions.Options;

namespace RecognitionBot.Slack;

/// <summary>
/// Hands verified payloads from either transport to the handlers, and turns their answers into what Slack expects
/// back. A handler's fault becomes a friendly ephemeral answer here, the one place both transports share.
/// </summary>
public sealed class SlackInbound(
    IServiceScopeFactory scopes,
    IEnumerable<ISlackInteractionHandler> interactionHandlers,
    IEnumerable<ISlackEventHandler> eventHandlers,
    IOptions<SlackOptions> options,
    SlackFollowUps followUps,
    IHostApplicationLifetime lifetime,
    RecognitionBot.Core.RecognitionService core,
    SlackMemberDirectory directory,
    ILogger<SlackInbound> log)
{
    /// <summary>
    /// The asker's language for what this class says itself ("one moment", "something went wrong"), without a call
    /// that could make it late: their Slack locale as last read, else the workspace's language as last read, else English.
    /// </summary>
    private System.Globalization.CultureInfo CultureOf(SlackSlashCommand command)
    {
        var workspace = SlackWorkspace.Id(command.TeamId);
        return core.PeekReader(workspace, directory.PeekLocale(workspace, new Core.Workspaces.MemberId(command.UserId))).Texts.Culture;
    }

    /// <summary>
    /// Answers a slash command inline when it is ready in time; otherwise acknowledges it with "one moment" before
    /// Slack's 3 seconds run out and posts the answer to its response_url when ready. The work then runs in a scope
    /// of its own, so the request ending does not dispose what it still uses.
    /// </summary>
    public async Task<SlackCommandReply> CommandAsync(SlackSlashCommand command, CancellationToken ct)
    {
        var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<ISlackCommandHandler>().LastOrDefault();
        if (handler is null)
        {
            await scope.DisposeAsync();
            return SlackCommandReply.Ephemeral(new SlackMessage(SlackTexts.Get(SlackTexts.CommandUnavailable, CultureOf(command))));
        }
        // Not cancelled when the host stops: the core's budget (Storage:CommandBudget) bounds it, and a graceful stop
        // (SIGTERM) lets a command in flight finish and answer instead of failing it with a 500.
        var work = AnswerAsync(handler, command, CancellationToken.None);
        Uri.TryCreate(command.ResponseUrl, UriKind.Absolute, out var responseUrl);
        if (responseUrl is null || await InTimeAsync(work, options.Value.AckDeadline, ct))
        {
            try
            {
                return SlackCommandReply.Ephemeral(await work);
            }
            finally
            {
                await scope.DisposeAsync();
            }
        }
        _ = AnswerLaterAsync(work, responseUrl, scope);
        return SlackCommandReply.Ephemeral(new SlackMessage(SlackTexts.Get(SlackTexts.Working, CultureOf(command))));
    }

    /// <summary>
    /// Whether <paramref name="work"/> finished within <paramref name="deadline"/>; its timer goes as soon as it did
    /// (at hundreds of commands a second, timers left to run out pile up). A caller gone counts as late: the answer
    /// still reaches them through the response URL.
    /// </summary>
    private static async Task<bool> InTimeAsync(Task work, TimeSpan deadline, CancellationToken ct)
    {
        try
        {
            await work.WaitAsync(deadline, ct);
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested && !work.IsCompleted)
        {
            return false;
        }
        catch (Exception) when (work.IsCompleted)
        {
            // The work's own fault: the caller observes it from the task.
        }
        return true;
    }

    private async Task<SlackMessage> AnswerAsync(ISlackCommandHandler handler, SlackSlashCommand command, CancellationToken ct)
    {
        try
        {
            return await handler.HandleAsync(command, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Slack command from {User} in {Team} failed", command.UserId, command.TeamId);
            return new SlackMessage(SlackTexts.Get(SlackTexts.CommandFailed, CultureOf(command)));
        }
    }

    private async Task AnswerLaterAsync(Task<SlackMessage> work, Uri responseUrl, AsyncServiceScope scope)
    {
        try
        {
            var message = await work;
            // An answer that is only a modal opening has nothing to say afterwards.
            if (message.IsEmpty) return;
            await scope.ServiceProvider.GetRequiredService<SlackApiClient>().RespondAsync(
                responseUrl, message, replaceOriginal: true, lifetime.ApplicationStopping);
        }
        catch (Exception e)
        {
            log.LogError(e, "A late /kudos answer could not be delivered");
        }
        finally
        {
            await scope.DisposeAsync();
        }
    }

    /// <summary>
    /// A button click (block_actions) is acknowledged at once: the handler runs after the ack, in a scope of its own,
    /// and tells the clicker through the response URL and <c>chat.update</c>. A modal submission waits for the
    /// handler's answer (its field errors keep the modal open), and the handler sends its slow calls after the ack.
    /// </summary>
    public async Task<SlackViewErrors?> InteractionAsync(SlackInteraction interaction, CancellationToken ct)
    {
        if (interactionHandlers.LastOrDefault() is not { } handler) return null;
        if (interaction.Type is SlackInteraction.BlockActions or SlackInteraction.Shortcut or SlackInteraction.MessageAction
            && followUps.TryStart(later => HandleInScopeAsync(interaction, later), $"{interaction.Type} from {interaction.UserId}"))
            return null;
        return await HandleAsync(handler, interaction, ct);
    }

    private async Task HandleInScopeAsync(SlackInteraction interaction, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetServices<ISlackInteractionHandler>().LastOrDefault() is { } handler)
            await HandleAsync(handler, interaction, ct);
    }

    private async Task<SlackViewErrors?> HandleAsync(ISlackInteractionHandler handler, SlackInteraction interaction, CancellationToken ct)
    {
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
    /// <summary>Nothing to say (the command opened a modal): acknowledged with an empty body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Text.Length == 0 && Blocks is null;

    public static SlackCommandReply Ephemeral(SlackMessage message) => new("ephemeral", message.Text, message.Blocks);
}
