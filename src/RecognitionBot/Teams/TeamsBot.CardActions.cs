using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams.Cards;

namespace RecognitionBot.Teams;

/// <summary>Clicks on the bot's cards (Action.Execute), routed by the core's verbs: redeem, approve, reject, cancel.</summary>
public sealed partial class TeamsBot
{
    private delegate Task<InvokeResponse> CardRoute(TeamsBot bot, Click click, string subject, CancellationToken ct);

    /// <summary>What each of our buttons does, by verb; the answer is the card the clicker sees in place of the clicked one (or a message beside it).</summary>
    private static readonly IReadOnlyDictionary<string, CardRoute> CardRoutes = new Dictionary<string, CardRoute>(StringComparer.Ordinal)
    {
        [ViewVerbs.Redeem] = static async (bot, click, reward, ct) => Card(await bot.RedeemAsync(click, reward, ct)),
        [ViewVerbs.Approve] = static async (bot, click, id, ct) => Card(await bot.DecideAsync(click, new DecideRedemptionCommand(id, true, null), ct)),
        [ViewVerbs.Reject] = static async (bot, click, id, ct) =>
            Card(await bot.DecideAsync(click, new DecideRedemptionCommand(id, false, click.Action.Get(ViewVerbs.Reason)), ct)),
        [ViewVerbs.Cancel] = static async (bot, click, id, ct) => Card(await bot.AnswerClickAsync(click, new CancelRedemptionCommand(id), ct)),
        [ViewVerbs.AddOn] = static (bot, click, kudos, ct) => bot.AddOnAsync(click, kudos, ct),
        [ViewVerbs.Undo] = static (bot, click, kudos, ct) => bot.UndoAsync(click, kudos, ct),
        [ViewVerbs.Award] = static (bot, click, subject, ct) => bot.ChooseAwardAsync(click, subject, ct),
    };

    private static InvokeResponse Card(AdaptiveCard card) => AdaptiveCardInvokeResponse.Card(card);

    /// <summary>Action.Execute from one of our cards: the HTTP response carries the refreshed card for the person who clicked.</summary>
    private async Task<InvokeResponse?> OnCardActionAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        var action = AdaptiveCardInvoke.From(activity.Value);
        if (action.Verb is ViewVerbs.Compose or ViewVerbs.Give) return await OnComposerActionAsync(workspace, activity, action, ct);
        var subject = action.Verb is { } verb ? action.Get(ViewVerbs.SubjectKey(verb)) : null;
        if (action.Verb is null || subject is null || !CardRoutes.TryGetValue(action.Verb, out var route))
        {
            logger.LogWarning("Unknown card action {Verb} in {Workspace}", action.Verb, workspace);
            return AdaptiveCardInvokeResponse.Message(TeamsTexts.For(await recognition.ReaderAsync(workspace, activity.Locale, ct))["UnknownAction"]);
        }

        // A double click on the same card button is one delivery: the second returns the first answer.
        var actor = Actor(activity);
        var context = new CommandContext(workspace, actor, Where(activity),
            DeliveryKeys.For(activity.Conversation!.Id, activity.ReplyToId ?? activity.Id, action.Verb, subject, actor.Value), activity.Locale);
        var click = new Click(context, action, activity.ReplyToId);
        return await route(this, click, subject, ct);
    }

    /// <summary>The catalog stays on screen, refreshed, with what just happened on top.</summary>
    private async Task<AdaptiveCard> RedeemAsync(Click click, string reward, CancellationToken ct)
    {
        var (result, reader) = await recognition.AnswerAsync(click.Context, new RedeemCommand(reward), ct);
        var catalog = await recognition.HandleAsync(click.Context with { DeliveryKey = null }, new RewardsCommand(), ct);
        var v = TeamsTexts.View(reader);
        var view = catalog is RewardsView rewards ? RedemptionViews.CatalogAfter(rewards, result, v) : ResultViews.For(result, v);
        return await RenderAsync(click.Context.Workspace, TeamsTexts.For(reader), view, null, ct);
    }

    /// <summary>The approval card as it now stands, saying why nothing happened when the click changed nothing.</summary>
    private async Task<AdaptiveCard> DecideAsync(Click click, DecideRedemptionCommand decide, CancellationToken ct)
    {
        var (result, reader) = await recognition.AnswerAsync(click.Context, decide, ct);
        var v = TeamsTexts.View(reader);
        var view = result switch
        {
            RedemptionView decided => RedemptionViews.Approval(decided.Redemption, decided.RequesterAvailable, v,
                decided.Change == RedemptionChange.Unchanged ? ResultText.Describe(decided, v) : null),
            // Refused (not an approver, own request): the card as it stands, with why nothing happened.
            _ when await recognition.GetRedemptionAsync(click.Context.Workspace, decide.RedemptionId, ct) is { } current =>
                RedemptionViews.Approval(current.Redemption, current.RequesterAvailable, v, ResultText.Describe(result, v)),
            _ => ResultViews.For(result, v),
        };
        return await RenderAsync(click.Context.Workspace, TeamsTexts.For(reader), view, null, ct);
    }

    /// <summary>
    /// An add-on from a celebration: the clicker sees the celebration as it now reads, with their answer under it; the
    /// outbox updates the posted activity for everyone else. A refusal leaves the celebration as it was and says why.
    /// </summary>
    private async Task<InvokeResponse> AddOnAsync(Click click, string kudos, CancellationToken ct)
    {
        var points = int.TryParse(click.Action.Get(ViewVerbs.Points), System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        var clicked = click.Clicked is { } id ? new Core.Rewards.PostedMessage(click.Context.Conversation.Id, id) : null;
        var (result, reader) = await recognition.AnswerAsync(click.Context, new AddOnCommand(kudos, points, clicked), ct);
        var v = TeamsTexts.View(reader);
        if (result is not AddOnGiven { Celebration: { } celebration }) return Said(result, v);
        var now = PostViews.For(celebration, v);
        var answer = now with { Body = [.. now.Body, .. ResultViews.For(result, v).Body] };
        return Card(await RenderAsync(click.Context.Workspace, TeamsTexts.For(reader), answer, null, ct));
    }

    /// <summary>Undo on the private confirmation: done, the confirmation becomes the answer; refused, it stays and the answer says why.</summary>
    private async Task<InvokeResponse> UndoAsync(Click click, string kudos, CancellationToken ct)
    {
        var (result, reader) = await recognition.AnswerAsync(click.Context, new UndoKudosCommand(kudos), ct);
        return result is KudosUndone ? Card(await RenderAsync(click.Context.Workspace, reader, result, null, ct)) : Said(result, TeamsTexts.View(reader));
    }

    /// <summary>
    /// A winner chosen on an award card (the reward from the card's choice list): the clicker sees the award as it now
    /// stands, with why nothing changed when it was chosen before; a refusal leaves the card as it was and says why.
    /// </summary>
    private async Task<InvokeResponse> ChooseAwardAsync(Click click, string subject, CancellationToken ct)
    {
        var v = ViewText.For(await recognition.ReaderAsync(click.Context.Workspace, click.Context.Locale, ct));
        if (ViewVerbs.SplitAward(subject, click.Action.Get(ViewVerbs.ChoiceInputId(subject)) ?? click.Action.Get(ViewVerbs.AwardReward)) is not { } chosen)
            return Said(new Refused(Refusal.UnknownAward, subject), v);
        var (result, reader) = await recognition.AnswerAsync(click.Context, new ChooseAwardCommand(chosen.Period, chosen.Candidate, chosen.RewardId), ct);
        v = ViewText.For(reader);
        return result is Core.Awards.AwardView
            ? Card(await RenderAsync(click.Context.Workspace, TeamsTexts.For(reader), ResultViews.For(result, v), null, ct))
            : Said(result, v);
    }

    /// <summary>A refusal as the short message Teams shows beside the card, which stays as it was.</summary>
    private static InvokeResponse Said(CommandResult result, ViewText v) =>
        AdaptiveCardInvokeResponse.Message(string.Join("\n", ResultText.Describe(result, v).Select(l => ViewText.Plain(l.Spans))));

    private async Task<AdaptiveCard> AnswerClickAsync(Click click, KudosCommand command, CancellationToken ct)
    {
        var (result, reader) = await recognition.AnswerAsync(click.Context, command, ct);
        return await RenderAsync(click.Context.Workspace, reader, result, null, ct);
    }

    /// <summary>A click with what answering it needs: the command context and the typed action (the reader comes with the core's answer).</summary>
    private sealed record Click(CommandContext Context, AdaptiveCardInvoke Action, string? Clicked = null);
}
