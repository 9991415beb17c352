using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos.Give;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Slack;

/// <summary>
/// The composer modal: opened by <c>/kudos</c> alone, the "Give kudos" shortcut, the home's button, and the "Give
/// kudos for this" message shortcut (its author chosen, its permalink carried to the celebration). The core says
/// what the form offers and gives the submitted kudos with the typed command's own handler; this only maps.
/// </summary>
public sealed class SlackComposerFlow(
    RecognitionService core,
    SlackApiClient api,
    IEnumerable<IMemberDirectory> directories,
    SlackFollowUps followUps,
    ILogger<SlackComposerFlow> log)
{
    /// <summary>Where the modal was opened and what it is for.</summary>
    public sealed record Origin(string? ChannelId, string? ChannelName, IReadOnlyList<MemberId> Recipients, string? Link);

    /// <summary><c>/kudos</c> with nothing after it: the modal instead of an answer; a refusal or a failure is answered as usual.</summary>
    public async Task<SlackMessage> OpenFromCommandAsync(SlackSlashCommand command, SlackBot bot, string? locale, CancellationToken ct)
    {
        var origin = new Origin(command.ChannelId, command.ChannelName, [], null);
        var (opened, v, refusal) = await OpenAsync(SlackWorkspace.Id(command.TeamId), new MemberId(command.UserId), bot, command.TriggerId, origin, locale, ct);
        if (opened) return SlackMessage.None;
        return refusal is not null
            ? SlackViews.Render(ResultViews.For(refusal, v))
            : SlackReplies.Sentence(SlackMarkup.Line(SlackTexts.Get(SlackTexts.ComposerUnavailable, v.T.Culture)), warning: true);
    }

    /// <summary>A shortcut or the home's button: there is no message to answer under, so a refusal opens as a modal of its own.</summary>
    public async Task OpenFromShortcutAsync(SlackShortcut shortcut, WorkspaceId workspace, MemberId member, SlackBot bot, CancellationToken ct)
    {
        if (shortcut.TriggerId is not { Length: > 0 } trigger) return;
        var locale = LocaleAsync(workspace, member, ct);
        var origin = new Origin(null, null, [], null);
        if (shortcut.Type == SlackInteraction.MessageAction && shortcut.Channel?.Id is { Length: > 0 } channel
            && (shortcut.Message?.Ts ?? shortcut.MessageTs) is { Length: > 0 } ts)
        {
            // A bot's message has no author to recognise; the modal then opens with nobody chosen.
            IReadOnlyList<MemberId> author = shortcut.Message?.User is { Length: > 0 } user && shortcut.Message.BotId is null ? [new MemberId(user)] : [];
            origin = new Origin(channel, null, author, await PermalinkAsync(bot, channel, ts, shortcut.Team?.Domain, ct));
        }
        await OpenOrExplainAsync(workspace, member, bot, trigger, origin, await locale, ct);
    }

    /// <summary>The home's "Give kudos", or a gaps note's "Send a surprise kudos" with its person <paramref name="chosen"/>.</summary>
    public async Task OpenFromHomeAsync(
        WorkspaceId workspace, MemberId member, SlackBot bot, string? triggerId, CancellationToken ct, IReadOnlyList<MemberId>? chosen = null)
    {
        if (triggerId is not { Length: > 0 }) return;
        await OpenOrExplainAsync(workspace, member, bot, triggerId, new Origin(null, null, chosen ?? [], null), await LocaleAsync(workspace, member, ct), ct);
    }

    /// <summary>
    /// The submission, within Slack's 3 seconds: given (the modal closes, the giver's confirmation follows the ack), or
    /// the fields to fix, in the giver's language, with nothing written.
    /// </summary>
    public async Task<SlackViewErrors?> SubmitAsync(WorkspaceId workspace, MemberId member, SlackBot bot, SlackSubmittedView view, CancellationToken ct)
    {
        var metadata = SlackComposer.ReadMetadata(view.PrivateMetadata) ?? new ComposerMetadata(null, null, null, true);
        var conversation = metadata.C is { Length: > 0 } c ? SlackWorkspace.Conversation(c, metadata.N) : Nowhere;
        var key = view.Id is { Length: > 0 } id ? SlackDeliveryKeys.View(id) : (DeliveryKey?)null;
        var context = new CommandContext(workspace, member, conversation, key, await LocaleAsync(workspace, member, ct));
        var (result, reader) = await core.AnswerAsync(context, new SubmitComposerCommand(SlackComposer.Read(view)) { Link = metadata.L }, ct);
        var v = ViewText.For(reader);
        var shape = new ModalShape(metadata.V);
        switch (result)
        {
            case ComposerRefused refused:
                return SlackComposer.Errors(refused.Errors, shape, v);
            case KudosGiven given:
                var confirmation = SlackViews.Render(ResultViews.For(given, v));
                Task ConfirmAsync(CancellationToken later) => ConfirmToGiverAsync(bot, member, metadata.C, confirmation, later);
                if (!followUps.TryStart(ConfirmAsync, $"composer confirmation for {member}")) await ConfirmAsync(ct);
                return null;
            default:
                return ComposerSubmission.ErrorsFor(result) is { Count: > 0 } errors ? SlackComposer.Errors(errors, shape, v) : null;
        }
    }

    // Opened outside any conversation (a global shortcut, the home): celebrated as a kudos given in a DM to the bot
    // is, in the workspace's celebration channel if it has one.
    private static readonly ConversationRef Nowhere = new("", ConversationKind.Direct);

    private async Task OpenOrExplainAsync(WorkspaceId workspace, MemberId member, SlackBot bot, string trigger, Origin origin, string? locale,
        CancellationToken ct)
    {
        var (opened, v, refusal) = await OpenAsync(workspace, member, bot, trigger, origin, locale, ct);
        if (opened || refusal is null) return;
        await api.OpenViewAsync(bot.Token, trigger, SlackReplies.AnswerModal(ResultViews.For(refusal, v), v.T), ct);
    }

    private async Task<(bool Opened, ViewText Text, CommandResult? Refusal)> OpenAsync(
        WorkspaceId workspace, MemberId member, SlackBot bot, string trigger, Origin origin, string? locale, CancellationToken ct)
    {
        var conversation = origin.ChannelId is { Length: > 0 } c ? SlackWorkspace.Conversation(c, origin.ChannelName) : Nowhere;
        var context = new CommandContext(workspace, member, conversation, null, locale);
        var (result, reader) = await core.AnswerAsync(context, new ComposeCommand(origin.Recipients) { Link = origin.Link }, ct);
        var v = ViewText.For(reader);
        if (result is not ComposerForm form) return (false, v, result);
        var metadata = new ComposerMetadata(origin.ChannelId, origin.ChannelName, origin.Link, form.Values.Count > 0);
        try
        {
            await api.OpenViewAsync(bot.Token, trigger, SlackComposer.Modal(ComposerView.For(form, v), metadata), ct);
            return (true, v, null);
        }
        catch (SlackApiException e)
        {
            // expired_trigger_id: Slack's 3 seconds ran out (a cold start, a slow ledger). Nothing was written.
            log.LogWarning("Could not open the composer for {Member} in {Workspace}: {Error}", member, workspace, e.Error);
            return (false, v, null);
        }
    }

    /// <summary>
    /// The message's permalink from Slack; if Slack cannot say (a throttle, an outage), the same address built from the
    /// team's domain, which is what Slack would answer for a message outside a thread.
    /// </summary>
    private async Task<string?> PermalinkAsync(SlackBot bot, string channel, string ts, string? domain, CancellationToken ct)
    {
        try
        {
            return await api.PermalinkAsync(bot.Token, channel, ts, ct);
        }
        catch (SlackApiException e)
        {
            log.LogInformation("chat.getPermalink for {Channel}/{Ts} failed ({Error}); building the link from the team domain", channel, ts, e.Error);
            return domain is { Length: > 0 } && domain.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-')
                ? $"https://{domain}.slack.com/archives/{channel}/p{ts.Replace(".", "", StringComparison.Ordinal)}"
                : null;
        }
    }

    /// <summary>The giver's confirmation (allowance left), only to them: in the conversation if the bot can, else in the app's DM.</summary>
    private async Task ConfirmToGiverAsync(SlackBot bot, MemberId member, string? channel, SlackMessage confirmation, CancellationToken ct)
    {
        if (channel is { Length: > 0 })
        {
            try
            {
                await api.PostEphemeralAsync(bot.Token, channel, member.Value, confirmation, ct);
                return;
            }
            catch (SlackApiException e) when (!e.IsTransient)
            {
                log.LogInformation("Composer confirmation could not go to {Channel} ({Error}); sending it as a DM", channel, e.Error);
            }
        }
        await api.PostMessageAsync(bot.Token, member.Value, confirmation, ct: ct);
    }

    private async Task<string?> LocaleAsync(WorkspaceId workspace, MemberId member, CancellationToken ct) =>
        (await directories.First(d => d.Platform == Platform.Slack).FindAsync(workspace, member, ct))?.Locale;
}
