using System.Text.Json;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Slack;

/// <summary>
/// Clicks and the reject modal: Redeem on the catalog, Approve / Reject on an approval card, Cancel on a pending
/// request, add-on (+1 / +5 / +10) on a celebration, Undo on a kudos' confirmation. Each click is routed by its verb
/// through one table; decisions go through the core (which decides who may decide and makes the first decision win);
/// the clicked card is redrawn in place at once, and the core's outbox redraws every other copy.
/// </summary>
public sealed class SlackKudosInteractions(
    RecognitionService core,
    SlackInstallations installations,
    SlackApiClient api,
    IEnumerable<IMemberDirectory> directories,
    SlackFollowUps followUps,
    SlackComposerFlow composer,
    ILogger<SlackKudosInteractions> log) : ISlackInteractionHandler
{
    private delegate Task Route(SlackKudosInteractions handler, Click click, string subject, CancellationToken ct);

    /// <summary>What each of our buttons does, by the core's verb.</summary>
    private static readonly IReadOnlyDictionary<string, Route> Routes = new Dictionary<string, Route>(StringComparer.Ordinal)
    {
        // One redemption per reward per catalog message (or per published App Home), however often the button is clicked.
        [ViewVerbs.Redeem] = static (h, click, reward, ct) =>
            h.AnswerAsync(click, new RedeemCommand(reward), SlackDeliveryKeys.Redeem(click.Member, click.MessageTs ?? click.Payload.View?.Hash, reward),
                replace: false, ct),
        [ViewVerbs.Cancel] = static (h, click, id, ct) =>
            h.AnswerAsync(click, new CancelRedemptionCommand(id), SlackDeliveryKeys.Cancel(id), replace: true, ct),
        [ViewVerbs.Approve] = static (h, click, id, ct) =>
            h.ApproveAsync(click, id, ct),
        [ViewVerbs.Reject] = static (h, click, id, ct) =>
            h.OpenRejectModalAsync(click, id, ct),
        [ViewVerbs.AddOn] = static (h, click, value, ct) => h.AddOnAsync(click, value, ct),
        [ViewVerbs.Undo] = static (h, click, kudos, ct) => h.UndoAsync(click, kudos, ct),
        [ViewVerbs.Award] = static (h, click, value, ct) => h.AwardAsync(click, value, ct),
        [ViewVerbs.Compose] = static (h, click, subject, ct) =>
            h.ComposeAsync(click, subject, ct),
    };

    public async Task<SlackViewErrors?> HandleAsync(SlackInteraction interaction, CancellationToken ct)
    {
        if (interaction.TeamId is not { } team || interaction.UserId is not { } user) return null;
        var bot = await installations.BotForAsync(team, interaction.EnterpriseId, ct);
        if (bot is null) return null;
        var workspace = SlackWorkspace.Id(team);
        var member = new MemberId(user);

        if (interaction.Type == SlackInteraction.ViewSubmission)
        {
            var submission = SlackViewSubmission.From(interaction.Payload);
            return submission?.View switch
            {
                { CallbackId: SlackActions.RejectModal } view => await SubmitRejectAsync(workspace, member, bot, view, ct),
                { CallbackId: SlackActions.ComposerModal } view => await composer.SubmitAsync(workspace, member, bot, view, ct),
                _ => null,
            };
        }
        if (interaction.Type is SlackInteraction.Shortcut or SlackInteraction.MessageAction)
        {
            if (SlackShortcut.From(interaction.Payload) is { CallbackId: SlackActions.GiveShortcut or SlackActions.GiveForMessageShortcut } shortcut)
                await composer.OpenFromShortcutAsync(shortcut, workspace, member, bot, ct);
            return null;
        }
        if (interaction.Type != SlackInteraction.BlockActions || SlackBlockActions.From(interaction.Payload) is not { } clicked) return null;

        var click = new Click(clicked, workspace, member, bot);
        foreach (var action in clicked.Actions ?? [])
        {
            if (action.ClickedValue is not { Length: > 0 } value || SlackActions.Verb(action.ActionId) is not { } verb
                || !Routes.TryGetValue(verb, out var route))
                continue;
            await route(this, click, value, ct);
        }
        return null;
    }

    private async Task AnswerAsync(Click click, KudosCommand command, DeliveryKey deliveryKey, bool replace, CancellationToken ct)
    {
        var (result, reader) = await core.AnswerAsync(await ContextAsync(click.Workspace, click.Member, click.ChannelId, deliveryKey, ct), command, ct);
        var v = ViewText.For(reader);
        await TellAsync(click, ResultViews.For(result, v), v, replace, ct);
    }

    /// <summary>
    /// An add-on button (+1 / +5 / +10) on a celebration: the answer goes to the clicker alone; the celebration is
    /// redrawn for everyone by the outbox (the clicked message is passed along in case its place is not recorded yet).
    /// </summary>
    private async Task AddOnAsync(Click click, string value, CancellationToken ct)
    {
        var (kudos, points) = ViewVerbs.SplitAmount(value);
        if (points is not { } n) return;
        var clicked = click.ChannelId is { } channel && click.MessageTs is { } ts ? new Core.Rewards.PostedMessage(channel, ts) : null;
        await AnswerAsync(click, new AddOnCommand(kudos, n, clicked), SlackDeliveryKeys.AddOn(kudos, click.Member), replace: false, ct);
    }

    /// <summary>Undo on the giver's confirmation: done, the confirmation becomes the answer; refused, the answer comes beside it.</summary>
    private async Task UndoAsync(Click click, string kudos, CancellationToken ct)
    {
        var context = await ContextAsync(click.Workspace, click.Member, click.ChannelId, SlackDeliveryKeys.Undo(kudos, click.Member), ct);
        var (result, reader) = await core.AnswerAsync(context, new UndoKudosCommand(kudos), ct);
        var v = ViewText.For(reader);
        await TellAsync(click, ResultViews.For(result, v), v, result is KudosUndone, ct);
    }

    /// <summary>
    /// A winner (and a reward, or none) chosen on an award card: the clicked card shows the award as it now stands at once
    /// (the outbox redraws the other approvers' copies); a refusal, or a choice made before, is told to the clicker alone.
    /// </summary>
    private async Task AwardAsync(Click click, string value, CancellationToken ct)
    {
        if (ViewVerbs.SplitAward(value) is not { } chosen) return;
        var context = await ContextAsync(click.Workspace, click.Member, click.ChannelId, SlackDeliveryKeys.Award(chosen.Period, click.Member), ct);
        var (result, reader) = await core.AnswerAsync(context, new ChooseAwardCommand(chosen.Period, chosen.Candidate, chosen.RewardId), ct);
        var v = ViewText.For(reader);
        if (result is Core.Awards.AwardView view && click.ChannelId is { } channel && click.MessageTs is { } ts)
        {
            try
            {
                await api.UpdateMessageAsync(click.Bot.Token, channel, ts, SlackViews.Render(AwardViews.Card(view.Award, v)), ct);
            }
            catch (SlackApiException e)
            {
                log.LogWarning(e, "Could not redraw award card {Channel}/{Ts}: {Error}", channel, ts, e.Error);
            }
            if (view.Changed) return;
        }
        await TellAsync(click, ResultViews.For(result, v), v, replace: false, ct);
    }

    private Task ComposeAsync(Click click, string subject, CancellationToken ct) =>
        composer.OpenFromHomeAsync(click.Workspace, click.Member, click.Bot, click.Payload.TriggerId, ct,
            ViewVerbs.ComposeRecipient(subject) is { } chosen ? [chosen] : []);

    private async Task ApproveAsync(Click click, string redemptionId, CancellationToken ct)
    {
        var context = await ContextAsync(click.Workspace, click.Member, click.ChannelId, SlackDeliveryKeys.Approve(redemptionId, click.Member), ct);
        var (result, reader) = await core.AnswerAsync(context, new DecideRedemptionCommand(redemptionId, true, null), ct);
        var v = ViewText.For(reader);
        if (result is RedemptionView view)
        {
            // The clicker sees the outcome on the card itself straight away; other copies follow from the outbox.
            if (click.ChannelId is { } channel && click.MessageTs is { } ts) await RedrawAsync(click.Bot, channel, ts, view, v, ct);
            if (view.Change != RedemptionChange.Unchanged) return;
        }
        await TellAsync(click, ResultViews.For(result, v), v, replace: false, ct);
    }

    /// <summary>
    /// Reject asks for a reason first, unless the core's decision check says the click cannot lead anywhere: then it
    /// says why at once (and redraws a card that is already decided).
    /// </summary>
    private async Task OpenRejectModalAsync(Click click, string redemptionId, CancellationToken ct)
    {
        var (refusal, reader) = await core.CheckDecisionForAsync(
            await ContextAsync(click.Workspace, click.Member, click.ChannelId, null, ct), redemptionId, ct);
        var v = ViewText.For(reader);
        if (refusal is not null)
        {
            if (refusal is RedemptionView stale && click.ChannelId is { } c && click.MessageTs is { } ts)
                await RedrawAsync(click.Bot, c, ts, stale, v, ct);
            await TellAsync(click, ResultViews.For(refusal, v), v, replace: false, ct);
            return;
        }

        var metadata = JsonSerializer.Serialize(new RejectMetadata(redemptionId, click.ChannelId, click.MessageTs));
        await api.OpenViewAsync(click.Bot.Token, click.Payload.TriggerId!, SlackReplies.RejectModal(metadata, v.T), ct);
    }

    private async Task<SlackViewErrors?> SubmitRejectAsync(WorkspaceId workspace, MemberId member, SlackBot bot, SlackSubmittedView view, CancellationToken ct)
    {
        var metadata = ReadMetadata(view.PrivateMetadata);
        if (metadata?.R is not { Length: > 0 } redemptionId) return null;
        var reason = view.Input(SlackActions.ReasonBlock, SlackActions.ReasonInput);

        var context = await ContextAsync(workspace, member, metadata.C, SlackDeliveryKeys.View(view.Id ?? redemptionId), ct);
        var (result, reader) = await core.AnswerAsync(
            context, new DecideRedemptionCommand(redemptionId, false, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()), ct);
        var v = ViewText.For(reader);
        if (result is RedemptionView decided)
        {
            // The decision is made and the modal closes with this ack; the redraw and any word to the clicker follow
            // it, so a slow chat.update cannot hold the ack past Slack's 3 seconds.
            async Task TellAfterAsync(CancellationToken later)
            {
                if (metadata.C is { } channel && metadata.Ts is { } ts) await RedrawAsync(bot, channel, ts, decided, v, later);
                if (decided.Change == RedemptionChange.Unchanged && metadata.C is { } c)
                    await api.PostEphemeralAsync(bot.Token, c, member.Value, SlackViews.Render(ResultViews.For(result, v)), later);
            }
            if (!followUps.TryStart(TellAfterAsync, $"reject of {redemptionId}")) await TellAfterAsync(ct);
            return null;
        }
        // A refusal keeps the modal open and says why, next to the reason field.
        var why = string.Join("\n", ResultText.Describe(result, v).Select(l => ViewText.Plain(l.Spans)));
        return new SlackViewErrors(new Dictionary<string, string> { [SlackActions.ReasonBlock] = why });
    }

    private async Task<CommandContext> ContextAsync(WorkspaceId workspace, MemberId member, string? channel, DeliveryKey? deliveryKey, CancellationToken ct)
    {
        var locale = (await directories.First(d => d.Platform == Platform.Slack).FindAsync(workspace, member, ct))?.Locale;
        var conversation = SlackWorkspace.Conversation(channel ?? "", null);
        return new CommandContext(workspace, member, conversation, deliveryKey, locale);
    }

    /// <summary>
    /// Only to the clicker: through the response URL when Slack gave one, else as an ephemeral message; a click in the
    /// App Home has neither, and is answered with a modal (the home itself is republished with what changed).
    /// </summary>
    private async Task TellAsync(Click click, View view, ViewText v, bool replace, CancellationToken ct)
    {
        if (click.Payload.ResponseUri is { } url)
            await api.RespondAsync(url, SlackViews.Render(view), replace, ct);
        else if (click.ChannelId is { } channel)
            await api.PostEphemeralAsync(click.Bot.Token, channel, click.Member.Value, SlackViews.Render(view), ct);
        else if (click.Payload.TriggerId is { Length: > 0 } trigger)
            await api.OpenViewAsync(click.Bot.Token, trigger, SlackReplies.AnswerModal(view, v.T), ct);
    }

    private async Task RedrawAsync(SlackBot bot, string channel, string ts, RedemptionView view, ViewText v, CancellationToken ct)
    {
        try
        {
            await api.UpdateMessageAsync(bot.Token, channel, ts, SlackViews.Render(RedemptionViews.Approval(view.Redemption, view.RequesterAvailable, v)), ct);
        }
        catch (SlackApiException e)
        {
            // The decision stands; the outbox redraws the card too, with retries.
            log.LogWarning(e, "Could not redraw approval card {Channel}/{Ts}: {Error}", channel, ts, e.Error);
        }
    }

    private static RejectMetadata? ReadMetadata(string? json)
    {
        try
        {
            return JsonSerializer.Deserialize<RejectMetadata>(json ?? "{}");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record RejectMetadata(string? R, string? C, string? Ts);

    /// <summary>Who clicked, where: the typed payload with the workspace, member and bot it resolved to.</summary>
    private sealed record Click(SlackBlockActions Payload, WorkspaceId Workspace, MemberId Member, SlackBot Bot)
    {
        public string? ChannelId => Payload.ChannelId;

        public string? MessageTs => Payload.MessageTs;
    }
}
