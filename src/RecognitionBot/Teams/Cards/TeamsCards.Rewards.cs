using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Text;

namespace RecognitionBot.Teams.Cards;

public static partial class TeamsCards
{
    /// <summary>
    /// The catalog, with a Redeem button on each reward the reader can afford; an optional notice on top and, under
    /// it, Cancel for the request just made (this card is the only one the requester gets while it is pending).
    /// </summary>
    public static AdaptiveCard Rewards(RewardsView view, CardContext c, string? notice = null, bool noticeIsProblem = false, Redemption? pending = null)
    {
        var t = c.Core;
        var body = new List<CardElement> { Title(t["Rewards.Title"]) };
        if (notice is not null) body.Add(new TextBlock(CardText.Commands(notice)) { Color = noticeIsProblem ? TextColor.Attention : TextColor.Good, Weight = TextWeight.Bolder });
        if (pending is { State: RedemptionState.Pending }) body.Add(new ActionSet([CancelButton(pending, c)]) { Spacing = Spacing.Small });
        body.Add(new TextBlock(t.Format("Rewards.Available", t.Number(view.Available))));
        if (view.Rewards.Count == 0) body.Add(new TextBlock(CardText.Catalogue(t["Rewards.Empty"])) { IsSubtle = true });

        foreach (var reward in view.Rewards.OrderBy(r => r.Cost).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            var details = new List<string> { t[reward.NeedsApproval ? "Rewards.NeedsApproval" : "Rewards.Instant"] };
            if (reward.Left is { } left) details.Add(left > 0 ? t.Format("Rewards.Stock", t.Number(left)) : t["Rewards.OutOfStock"]);
            var affordable = reward.Cost <= view.Available;
            var inStock = reward.Left is not 0;
            if (!affordable) details.Add(t.Format("Rewards.CannotAfford", t.Number(reward.Cost - view.Available)));

            var items = new List<CardElement>
            {
                new TextBlock(t.Format("Rewards.Line", CardText.Markdown(reward.Name), t.Number(reward.Cost))) { Weight = TextWeight.Bolder },
                new TextBlock(string.Join(" · ", details)) { IsSubtle = true, Spacing = Spacing.None },
            };
            if (affordable && inStock)
                items.Add(new ActionSet([new ExecuteAction(t["Rewards.Redeem"], CardVerbs.Redeem, new Dictionary<string, string> { [CardVerbs.RewardId] = reward.Id })]));
            body.Add(new Container(items) { Separator = true, Spacing = Spacing.Medium });
        }
        return c.Card(body);
    }

    /// <summary>The requester's answer to a redemption: requested (with Cancel while pending), completed, or current state.</summary>
    public static AdaptiveCard RedemptionResult(RedemptionView view, CardContext c)
    {
        var text = ResultText.Redemption(view with { Redemption = Escaped(view.Redemption) }, c.Core, c.Mention, c.Zone);
        var pending = view.Redemption.State == RedemptionState.Pending;
        return c.Card(
            [Title(c.T["Notice.Title"]), .. text.Split('\n').Select(line => new TextBlock(CardText.Commands(line)))],
            pending ? [CancelButton(view.Redemption, c)] : null);
    }

    /// <summary>
    /// The approver's card: who asks for what, their available points, Approve / Reject (with an optional reason)
    /// while pending; once decided, the final state, who decided and when, for everyone who sees the card.
    /// </summary>
    public static AdaptiveCard Approval(Redemption redemption, int requesterAvailable, CardContext c, string? notice = null)
    {
        var t = c.Core;
        var r = Escaped(redemption);
        var body = new List<CardElement>
        {
            Title(t["Approval.Title"]),
            new TextBlock(t.Format("Approval.Text", c.Mention(r.Requester), r.RewardName, t.Number(r.Cost))),
            new TextBlock(t.Format("Approval.Available", c.Mention(r.Requester), t.Number(requesterAvailable))) { IsSubtle = true },
            new TextBlock(c.T.Format("Approval.RequestedAt", c.When(r.RequestedAt))) { IsSubtle = true, Spacing = Spacing.None },
        };
        if (notice is not null) body.Insert(1, new TextBlock(CardText.Commands(notice)) { Color = TextColor.Attention, Weight = TextWeight.Bolder });

        if (!r.IsDecided)
        {
            body.Add(new TextBlock(c.T["Approval.Pending"]) { Color = TextColor.Accent });
            var data = new Dictionary<string, string> { [CardVerbs.RedemptionId] = r.Id };
            var rejectCard = new AdaptiveCard
            {
                Body = [new InputText(t["Approval.ReasonLabel"]) { Id = CardVerbs.Reason, Placeholder = t["Approval.ReasonPlaceholder"], IsMultiline = true, MaxLength = 500 }],
                Actions = [new ExecuteAction(c.T["Approval.Confirm"], CardVerbs.Reject, data) { Style = ActionStyle.Destructive, AssociatedInputs = "auto" }],
            };
            return c.Card(body,
            [
                new ExecuteAction(t["Approval.Approve"], CardVerbs.Approve, data) { Style = ActionStyle.Positive, AssociatedInputs = "none" },
                new ShowCardAction(t["Approval.Reject"], rejectCard),
            ]);
        }

        var state = ResultText.State(r.State, t);
        var decided = r.DecidedBy is { } by && r.DecidedAt is { } at
            ? t.Format("Approval.Decided", Capitalised(state, c), c.Mention(by), c.When(at))
            : Capitalised(state, c);
        body.Add(new TextBlock(decided) { Weight = TextWeight.Bolder, Color = r.State == RedemptionState.Approved ? TextColor.Good : TextColor.Attention });
        if (r.Reason is { } reason) body.Add(new TextBlock(t.Format("Redemption.RejectedReason", reason)));
        return c.Card(body);
    }

    /// <summary>The requester's notice of the outcome: completed, approved, or rejected with the reason.</summary>
    public static AdaptiveCard RedemptionNotice(RedemptionNoticePost post, CardContext c)
    {
        var change = post.Redemption.State switch
        {
            RedemptionState.Approved => RedemptionChange.Approved,
            RedemptionState.Rejected => RedemptionChange.Rejected,
            RedemptionState.Cancelled => RedemptionChange.Cancelled,
            RedemptionState.Completed => RedemptionChange.Completed,
            _ => RedemptionChange.Requested,
        };
        return RedemptionResult(new RedemptionView(post.Redemption, change, post.Available), c);
    }

    private static ExecuteAction CancelButton(Redemption r, CardContext c) =>
        new(c.T["Redeem.Cancel"], CardVerbs.Cancel, new Dictionary<string, string> { [CardVerbs.RedemptionId] = r.Id }) { AssociatedInputs = "none" };

    private static string Capitalised(string text, CardContext c) =>
        text.Length == 0 ? text : char.ToUpper(text[0], c.Core.Culture) + text[1..];
}
