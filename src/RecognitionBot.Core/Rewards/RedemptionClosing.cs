using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Rewards;

/// <summary>
/// What closing a redemption needs from storage: the redemption (null when there is none), its requester's row, its
/// reward (null when the row is gone) and the requester's count for that reward in the redemption's month (null when
/// there is no such row).
/// </summary>
public sealed record CloseState(RedemptionRow? Redemption, MemberRow? Requester, Reward? Reward, int? RedeemedThatMonth);

/// <summary>
/// A redemption approved, rejected or cancelled: the requester's row, the reward's stock (null when not written),
/// the month's count (null when not written), the redemption row, its history line, the audit row of a decision,
/// the posts (cards redrawn, the requester's notice) and the answer.
/// </summary>
public sealed record CloseDecision(
    MemberRow Requester,
    Reward? Reward,
    int? RedeemedThatMonth,
    RedemptionRow Redemption,
    HistoryRow History,
    AuditEntry? Audit,
    IReadOnlyList<OutgoingPost> Posts,
    RedemptionView Result);

/// <summary>What approving (held to spent, stock down), rejecting or cancelling (hold released) changes.</summary>
internal static class RedemptionClosing
{
    public const int ReasonLength = 500;

    /// <summary>The state as it stands, for a click on a request already decided: nothing changes.</summary>
    public static RedemptionView Unchanged(RedemptionRow redemption, MemberRow requester) =>
        new(redemption.Redemption, RedemptionChange.Unchanged, requester.Balance.Available);

    public static CloseDecision Close(CloseState state, RedemptionState to, MemberId by, string? reason, WorkspaceSettings settings, DateTimeOffset now)
    {
        var row = state.Redemption!;
        var before = row.Redemption;
        var requester = state.Requester!;
        var approved = to == RedemptionState.Approved;

        var member = requester with
        {
            Held = Math.Max(0, requester.Held - before.Cost),
            Spent = requester.Spent + (approved ? before.Cost : 0),
        };
        var reward = state.Reward is { Stock: { } stock } r
            ? r with { Reserved = Math.Max(0, r.Reserved - 1), Stock = approved ? Math.Max(0, stock - 1) : stock }
            : null;
        // A refused or withdrawn request does not use up the member's monthly limit.
        int? count = !approved && state.RedeemedThatMonth is > 0 and var n ? n - 1 : null;

        var redemption = before with
        {
            State = to,
            DecidedBy = by,
            DecidedAt = now,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : TextLimits.Shorten(reason.Trim(), ReasonLength),
        };
        var history = new HistoryRow(before.Requester,
            new Movement(now, approved ? MovementKind.Spent : MovementKind.Released, before.Cost, before.Id, by, before.RewardName));
        var audit = to is RedemptionState.Approved or RedemptionState.Rejected
            ? new AuditEntry(now, by, approved ? AuditAction.Approved : AuditAction.Rejected, before.Requester.Value,
                nameof(RedemptionState.Pending), to.ToString(), $"{before.RewardName} ({before.Id})" + (redemption.Reason is { } why ? ": " + why : ""))
            : null;

        var available = member.Balance.Available;
        var posts = new List<OutgoingPost>();
        // Each card is redrawn in the language it was first drawn in.
        foreach (var message in redemption.ApprovalMessages ?? [])
            posts.Add(new OutgoingPost(new ToExistingMessage(message),
                new ApprovalUpdatePost(redemption, available) { Locale = message.Locale ?? settings.DefaultLocale }));
        if (to != RedemptionState.Cancelled)
            posts.Add(new OutgoingPost(new ToMember(before.Requester),
                new RedemptionNoticePost(redemption, available) { Locale = member.Locale ?? settings.DefaultLocale }));

        return new CloseDecision(member, reward, count, row with { Redemption = redemption }, history, audit, posts,
            new RedemptionView(redemption, Views.RedemptionViews.ChangeFor(to), available));
    }
}
