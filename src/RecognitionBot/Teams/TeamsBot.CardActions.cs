using System.Text.Json;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams.Cards;

namespace RecognitionBot.Teams;

/// <summary>Clicks on the bot's cards (Action.Execute): redeem, approve, reject, cancel.</summary>
public sealed partial class TeamsBot
{
    /// <summary>Action.Execute from one of our cards: the HTTP response carries the refreshed card for the person who clicked.</summary>
    private async Task<InvokeResponse?> OnCardActionAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        var (verb, data) = ReadAction(activity.Value);
        var actor = Actor(activity);
        string? Get(string key) => data.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        KudosCommand? command = verb switch
        {
            CardVerbs.Redeem when Get(CardVerbs.RewardId) is { } reward => new RedeemCommand(reward),
            CardVerbs.Approve when Get(CardVerbs.RedemptionId) is { } id => new DecideRedemptionCommand(id, true, null),
            CardVerbs.Reject when Get(CardVerbs.RedemptionId) is { } id => new DecideRedemptionCommand(id, false, Get(CardVerbs.Reason)),
            CardVerbs.Cancel when Get(CardVerbs.RedemptionId) is { } id => new CancelRedemptionCommand(id),
            _ => null,
        };
        if (command is null)
        {
            logger.LogWarning("Unknown card action {Verb} in {Workspace}", verb, workspace);
            return MessageResponse(TeamsTexts.For(await recognition.ReaderAsync(workspace, activity.Locale, ct))["UnknownAction"]);
        }

        // A double click on the same card button is one delivery: the second returns the first answer.
        var subject = Get(CardVerbs.RewardId) ?? Get(CardVerbs.RedemptionId);
        var context = new CommandContext(workspace, actor, Where(activity),
            DeliveryKeys.For(activity.Conversation!.Id, activity.ReplyToId ?? activity.Id, verb, subject, actor.Value), activity.Locale);
        var (result, reader) = await recognition.AnswerAsync(context, command, ct);
        var texts = TeamsTexts.For(reader);

        AdaptiveCard card;
        switch (command)
        {
            case RedeemCommand:
                // The catalog stays on screen, refreshed, with what just happened on top.
                var notice = await DescribeAsync(workspace, reader, texts, result, ct);
                var catalog = await recognition.HandleAsync(context with { DeliveryKey = null }, new RewardsCommand(), ct);
                var requested = result is RedemptionView { Redemption.State: Core.Rewards.RedemptionState.Pending } pending ? pending.Redemption : null;
                card = catalog is RewardsView view
                    ? TeamsCards.Rewards(view, await ContextAsync(workspace, reader, texts, [], ct), notice, result is Refused or NotUnderstood, requested)
                    : await RenderAsync(workspace, reader, result, null, ct);
                break;
            case DecideRedemptionCommand decide when result is RedemptionView decided:
                card = TeamsCards.Approval(decided.Redemption, decided.RequesterAvailable,
                    await ContextAsync(workspace, reader, texts, TeamsCards.PeopleIn(decided), ct),
                    decided.Change == RedemptionChange.Unchanged ? TeamsCards.Describe(decided, await ContextAsync(workspace, reader, texts, TeamsCards.PeopleIn(decided), ct)) : null);
                break;
            case DecideRedemptionCommand decide when await recognition.GetRedemptionAsync(workspace, decide.RedemptionId, ct) is { } current:
                // Refused (not an approver, own request): the card as it stands, with why nothing happened.
                var c = await ContextAsync(workspace, reader, texts, TeamsCards.PeopleIn(current.Redemption), ct);
                card = TeamsCards.Approval(current.Redemption, current.RequesterAvailable, c, TeamsCards.Describe(result, c));
                break;
            default:
                card = await RenderAsync(workspace, reader, result, null, ct);
                break;
        }
        return new InvokeResponse(StatusCodes.Status200OK, new Dictionary<string, object>
        {
            ["statusCode"] = StatusCodes.Status200OK,
            ["type"] = Attachment.AdaptiveCardContentType,
            ["value"] = card.ToJson(),
        });
    }

    private static InvokeResponse MessageResponse(string text) => new(StatusCodes.Status200OK, new Dictionary<string, object>
    {
        ["statusCode"] = StatusCodes.Status200OK,
        ["type"] = "application/vnd.microsoft.activity.message",
        ["value"] = text,
    });

    private static (string? Verb, IReadOnlyDictionary<string, string> Data) ReadAction(JsonElement? value)
    {
        var data = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (value is not { ValueKind: JsonValueKind.Object } v || !v.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
            return (null, data);
        var verb = action.TryGetProperty("verb", out var vb) && vb.ValueKind == JsonValueKind.String ? vb.GetString() : null;
        if (action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object)
            foreach (var p in d.EnumerateObject())
                data[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        return (verb, data);
    }
}
