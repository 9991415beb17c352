using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Text;

namespace RecognitionBot.Core.Views;

/// <summary>Reward requests as the requester and the approvers see them, and the one state -> change mapping.</summary>
public static class RedemptionViews
{
    /// <summary>What a redemption now in <paramref name="state"/> has become: the one mapping for ledger, notices and cards.</summary>
    public static RedemptionChange ChangeFor(RedemptionState state) => state switch
    {
        RedemptionState.Pending => RedemptionChange.Requested,
        RedemptionState.Completed => RedemptionChange.Completed,
        RedemptionState.Approved => RedemptionChange.Approved,
        RedemptionState.Rejected => RedemptionChange.Rejected,
        RedemptionState.Cancelled => RedemptionChange.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No redemption change for this state."),
    };

    public static LineMark Mark(RedemptionState state) => state switch
    {
        RedemptionState.Approved or RedemptionState.Completed => LineMark.Success,
        RedemptionState.Rejected => LineMark.Rejected,
        RedemptionState.Cancelled => LineMark.Withdrawn,
        _ => LineMark.Pending,
    };

    /// <summary>"Approved by Mia on 27/11, 16:00", or just the state when nobody is on record; null while pending.</summary>
    public static IReadOnlyList<Span>? Decided(Redemption r, ViewText v, bool capitalised = false)
    {
        if (!r.IsDecided) return null;
        var state = ResultText.State(r.State, v.T);
        if (capitalised && state.Length > 0) state = char.ToUpper(state[0], v.T.Culture) + state[1..];
        return r is { DecidedBy: { } by, DecidedAt: { } at }
            ? v.Compose("Approval.Decided", state, v.Person(by), v.When(at))
            : [new TextSpan(state)];
    }

    /// <summary>The requester's answer or notice: what happened, and Cancel while the request is pending.</summary>
    public static View Result(RedemptionView view, ViewText v) => new([.. ResultText.Describe(view, v)])
    {
        Title = v["Notice.Title"],
        Actions = view.Redemption.State == RedemptionState.Pending ? [Cancel(view.Redemption, v)] : [],
    };

    /// <summary>The requester's notice of a change, as the answer to their own command reads.</summary>
    public static View Notice(Outbox.RedemptionNoticePost post, ViewText v) =>
        Result(new RedemptionView(post.Redemption, ChangeFor(post.Redemption.State), post.Available), v);

    /// <summary>
    /// The approver's card: who asks for what and their points; Approve / Reject (with an optional reason) while
    /// pending; once decided, the final state, who decided and when. <paramref name="notice"/> says why a click on it
    /// changed nothing.
    /// </summary>
    public static View Approval(Redemption r, int requesterAvailable, ViewText v, IReadOnlyList<ViewLine>? notice = null)
    {
        var body = new List<ViewBlock>();
        if (notice is not null) body.AddRange(notice.Select(l => l with { Style = LineStyle.Strong, Mark = LineMark.Warning }));
        var request = v.Line("Approval.Text", v.Person(r.Requester), ViewText.Typed(r.RewardName), v.Points(r.Cost));
        body.Add(request);
        if (!r.IsDecided)
        {
            body.Add(v.Line(LineStyle.Subtle, LineMark.None, "Approval.Available", v.Person(r.Requester), v.Points(requesterAvailable)));
            body.Add(v.Line(LineStyle.Subtle, LineMark.None, "Approval.RequestedAt", v.When(r.RequestedAt)));
            body.Add(v.Line(LineStyle.Normal, LineMark.Pending, "Approval.Pending"));
            return new View(body)
            {
                Title = v["Approval.Title"],
                Summary = request,
                Actions =
                [
                    new ViewAction(ViewVerbs.Approve, v["Approval.Approve"], r.Id, ActionStyle.Primary),
                    new ViewAction(ViewVerbs.Reject, v["Approval.Reject"], r.Id, ActionStyle.Danger)
                    {
                        Reason = Reason(v.T),
                    },
                ],
            };
        }

        var decided = new ViewLine(Decided(r, v, capitalised: true)!, LineStyle.Strong, Mark(r.State));
        body.Add(decided);
        if (r.Reason is { } reason) body.Add(v.Line("Redemption.RejectedReason", ViewText.Typed(reason)));
        return new View(body)
        {
            Title = v["Approval.Title"],
            Summary = new ViewLine(ViewText.Then(request.Spans, decided.Spans)),
            Tone = r.State is RedemptionState.Approved or RedemptionState.Completed ? ViewTone.Success : ViewTone.Problem,
        };
    }

    /// <summary>
    /// The catalog after a click on Redeem: what just happened on top (with Cancel for the request just made, the
    /// requester's only handle on it while it is pending), then the catalog as it now stands.
    /// </summary>
    public static View CatalogAfter(RewardsView catalog, CommandResult outcome, ViewText v)
    {
        var rewards = ResultViews.Rewards(catalog, v);
        var problem = outcome is Refused or NotUnderstood;
        var notice = (outcome is RedemptionView r ? [new ViewLine(ResultText.Redemption(r, v))] : ResultText.Describe(outcome, v))
            .Select(l => l with { Style = LineStyle.Strong, Mark = problem ? LineMark.Warning : LineMark.Success });
        List<ViewBlock> top = [.. notice];
        if (outcome is RedemptionView { Redemption.State: RedemptionState.Pending } pending) top.Add(new ViewActions([Cancel(pending.Redemption, v)]));
        return rewards with { Body = [.. top, .. rewards.Body], Tone = problem ? ViewTone.Problem : ViewTone.Success };
    }

    /// <summary>The optional reason a reject asks for, wherever a surface asks for it.</summary>
    public static ReasonInput Reason(Texts t) => new(t["Approval.ReasonLabel"], t["Approval.ReasonPlaceholder"], 500, t["Approval.Confirm"]);

    private static ViewAction Cancel(Redemption r, ViewText v) => new(ViewVerbs.Cancel, v["Approval.Cancel"], r.Id);
}
