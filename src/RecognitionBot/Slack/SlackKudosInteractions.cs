using System.Text.Json;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Slack;

/// <summary>
/// Clicks and the reject modal: Redeem on the catalog, Approve / Reject on an approval card, Cancel on a pending
/// request. Decisions go through the core (which decides who may decide and makes the first decision win); the
/// clicked card is redrawn in place at once, and the core's outbox redraws every other copy.
/// </summary>
public sealed class SlackKudosInteractions(
    RecognitionService core,
    SlackInstallations installations,
    SlackApiClient api,
    IEnumerable<IMemberDirectory> directories,
    SlackFollowUps followUps,
    ILogger<SlackKudosInteractions> log) : ISlackInteractionHandler
{
    public async Task<SlackViewErrors?> HandleAsync(SlackInteraction interaction, CancellationToken ct)
    {
        if (interaction.TeamId is not { } team || interaction.UserId is not { } user) return null;
        var bot = await installations.BotForAsync(team, interaction.EnterpriseId, ct);
        if (bot is null) return null;
        var click = new Click(interaction, SlackWorkspace.Id(team), new MemberId(user), bot);

        if (interaction.Type == SlackInteraction.ViewSubmission)
            return Str(interaction.Payload, "view", "callback_id") == SlackActions.RejectModal ? await SubmitRejectAsync(click, ct) : null;
        if (interaction.Type != SlackInteraction.BlockActions || !interaction.Payload.TryGetProperty("actions", out var actions)) return null;

        foreach (var action in actions.EnumerateArray())
        {
            var id = action.TryGetProperty("action_id", out var a) ? a.GetString() : null;
            var value = action.TryGetProperty("value", out var v) ? v.GetString() : null;
            if (string.IsNullOrEmpty(value)) continue;
            switch (id)
            {
                case SlackActions.Redeem:
                    // One redemption per reward per catalog message, however often the button is clicked.
                    await AnswerAsync(click, new RedeemCommand(value), SlackDeliveryKeys.Redeem(click.Member, click.MessageTs, value), replace: false, ct);
                    break;
                case SlackActions.CancelRedemption:
                    await AnswerAsync(click, new CancelRedemptionCommand(value), SlackDeliveryKeys.Cancel(value), replace: true, ct);
                    break;
                case SlackActions.Approve:
                    await DecideAsync(click, value, approve: true, reason: null, SlackDeliveryKeys.Approve(value, click.Member), click.ChannelId, click.MessageTs, ct);
                    break;
                case SlackActions.Reject:
                    await OpenRejectModalAsync(click, value, ct);
                    break;
            }
        }
        return null;
    }

    private async Task AnswerAsync(Click click, KudosCommand command, DeliveryKey deliveryKey, bool replace, CancellationToken ct)
    {
        var (result, reader) = await core.AnswerAsync(await ContextAsync(click, deliveryKey, ct), command, ct);
        await TellAsync(click, SlackReplies.Render(result, reader.Texts, reader.Zone), replace, ct);
    }

    private async Task DecideAsync(Click click, string redemptionId, bool approve, string? reason, DeliveryKey deliveryKey, string? cardChannel, string? cardTs, CancellationToken ct)
    {
        var (result, reader) = await core.AnswerAsync(await ContextAsync(click, deliveryKey, ct), new DecideRedemptionCommand(redemptionId, approve, reason), ct);
        var (texts, zone) = (reader.Texts, reader.Zone);
        if (result is RedemptionView view)
        {
            // The clicker sees the outcome on the card itself straight away; other copies follow from the outbox.
            if (cardChannel is not null && cardTs is not null)
                await RedrawAsync(click.Bot, cardChannel, cardTs, SlackBlocks.Approval(view.Redemption, view.RequesterAvailable, texts, zone), ct);
            if (view.Change != RedemptionChange.Unchanged) return;
        }
        await TellAsync(click, SlackReplies.Render(result, texts, zone), replace: false, ct);
    }

    /// <summary>Reject asks for a reason first, unless the click cannot lead anywhere: then it says why at once.</summary>
    private async Task OpenRejectModalAsync(Click click, string redemptionId, CancellationToken ct)
    {
        var (refusal, reader) = await core.CheckDecisionForAsync(await ContextAsync(click, null, ct), redemptionId, ct);
        var (texts, zone) = (reader.Texts, reader.Zone);
        if (refusal is not null)
        {
            if (refusal is RedemptionView stale && click.ChannelId is { } c && click.MessageTs is { } ts)
                await RedrawAsync(click.Bot, c, ts, SlackBlocks.Approval(stale.Redemption, stale.RequesterAvailable, texts, zone), ct);
            await TellAsync(click, SlackReplies.Render(refusal, texts, zone), replace: false, ct);
            return;
        }

        var metadata = JsonSerializer.Serialize(new RejectMetadata(redemptionId, click.ChannelId, click.MessageTs));
        await api.OpenViewAsync(click.Bot.Token, click.TriggerId!, SlackReplies.RejectModal(metadata, texts), ct);
    }

    private async Task<SlackViewErrors?> SubmitRejectAsync(Click click, CancellationToken ct)
    {
        var payload = click.Interaction.Payload;
        var view = payload.GetProperty("view");
        var metadata = JsonSerializer.Deserialize<RejectMetadata>(view.GetProperty("private_metadata").GetString() ?? "{}");
        if (metadata?.R is not { Length: > 0 } redemptionId) return null;
        var reason = view.TryGetProperty("state", out var state)
            && state.TryGetProperty("values", out var values)
            && values.TryGetProperty(SlackActions.ReasonBlock, out var block)
            && block.TryGetProperty(SlackActions.ReasonInput, out var input)
            && input.TryGetProperty("value", out var text) ? text.GetString() : null;

        var context = await ContextAsync(click, SlackDeliveryKeys.View(Str(payload, "view", "id") ?? redemptionId), ct);
        var (result, reader) = await core.AnswerAsync(context, new DecideRedemptionCommand(redemptionId, false, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()), ct);
        var (texts, zone) = (reader.Texts, reader.Zone);
        if (result is RedemptionView decided)
        {
            // The decision is made and the modal closes with this ack; the redraw and any word to the clicker follow
            // it, so a slow chat.update cannot hold the ack past Slack's 3 seconds.
            var bot = click.Bot;
            var member = click.Member.Value;
            async Task TellAfterAsync(CancellationToken later)
            {
                if (metadata.C is { } channel && metadata.Ts is { } ts)
                    await RedrawAsync(bot, channel, ts, SlackBlocks.Approval(decided.Redemption, decided.RequesterAvailable, texts, zone), later);
                if (decided.Change == RedemptionChange.Unchanged && metadata.C is { } c)
                    await api.PostEphemeralAsync(bot.Token, c, member, SlackReplies.Render(result, texts, zone), later);
            }
            if (!followUps.TryStart(TellAfterAsync, $"reject of {redemptionId}")) await TellAfterAsync(ct);
            return null;
        }
        // A refusal keeps the modal open and says why, next to the reason field.
        return new SlackViewErrors(new Dictionary<string, string> { [SlackActions.ReasonBlock] = ResultText.Describe(result, texts, m => $"@{m.Value}", zone) });
    }

    private async Task<CommandContext> ContextAsync(Click click, DeliveryKey? deliveryKey, CancellationToken ct)
    {
        var locale = (await directories.First(d => d.Platform == Platform.Slack).FindAsync(click.Workspace, click.Member, ct))?.Locale;
        var conversation = SlackWorkspace.Conversation(click.ChannelId ?? "", null);
        return new CommandContext(click.Workspace, click.Member, conversation, deliveryKey, locale);
    }

    /// <summary>Only to the clicker: through the response URL when Slack gave one, else as an ephemeral message.</summary>
    private async Task TellAsync(Click click, SlackMessage message, bool replace, CancellationToken ct)
    {
        if (click.ResponseUrl is { } url)
            await api.RespondAsync(url, message, replace, ct);
        else if (click.ChannelId is { } channel)
            await api.PostEphemeralAsync(click.Bot.Token, channel, click.Member.Value, message, ct);
    }

    private async Task RedrawAsync(SlackBot bot, string channel, string ts, SlackMessage card, CancellationToken ct)
    {
        try
        {
            await api.UpdateMessageAsync(bot.Token, channel, ts, card, ct);
        }
        catch (SlackApiException e)
        {
            // The decision stands; the outbox redraws the card too, with retries.
            log.LogWarning(e, "Could not redraw approval card {Channel}/{Ts}: {Error}", channel, ts, e.Error);
        }
    }

    private static string? Str(JsonElement e, string outer, string inner) =>
        e.TryGetProperty(outer, out var o) && o.ValueKind == JsonValueKind.Object && o.TryGetProperty(inner, out var i) && i.ValueKind == JsonValueKind.String
            ? i.GetString() : null;

    private sealed record RejectMetadata(string? R, string? C, string? Ts);

    /// <summary>Who clicked what, where: the parts of a block_actions or view_submission payload the handlers use.</summary>
    private sealed record Click(SlackInteraction Interaction, WorkspaceId Workspace, MemberId Member, SlackBot Bot)
    {
        public string? ChannelId => Str(Interaction.Payload, "container", "channel_id") ?? Str(Interaction.Payload, "channel", "id");

        public string? MessageTs => Str(Interaction.Payload, "container", "message_ts") ?? Str(Interaction.Payload, "message", "ts");

        public string? TriggerId => Interaction.Payload.TryGetProperty("trigger_id", out var t) ? t.GetString() : null;

        public Uri? ResponseUrl => Interaction.Payload.TryGetProperty("response_url", out var r) && Uri.TryCreate(r.GetString(), UriKind.Absolute, out var u) ? u : null;
    }
}
