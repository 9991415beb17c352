using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Members.Leavers;

/// <summary>A person marked as a leaver (or back): their row, the audit line, the answer kept for the delivery.</summary>
public sealed record LeaverMark(MemberRow Member, AuditEntry Audit, LeaverMarked Result);

/// <summary>
/// What re-routing needs: a redemption waiting on the leaver, its requester's row, and the rows of the workspace
/// approvers (for their language, and to skip those who left too).
/// </summary>
public sealed record RerouteState(RedemptionRow Redemption, MemberRow Requester, IReadOnlyList<MemberRow> WorkspaceApprovers);

/// <summary>A request re-routed: the redemption with its new approvers, their cards and the requester's notice, and the request as it now stands.</summary>
public sealed record RerouteDecision(RedemptionRow Redemption, IReadOnlyList<MemberId> Added, IReadOnlyList<OutgoingPost> Posts, RedemptionView Result);

/// <summary>
/// The rules of leaving, one step (one transaction) at a time: the mark; each of the leaver's pending requests
/// cancelled (hold released, stock back, every approval card redrawn as cancelled; the leaver is not told, they are
/// gone); each request waiting on the leaver as approver sent on to the workspace approvers. Every step looks at
/// the row as stored, so running it again (a redelivered event, a second instance) changes nothing more.
/// </summary>
public static class LeaverDecider
{
    public static Decided<LeaverMark> Mark(MemberRow member, bool left, DateTimeOffset now)
    {
        if (member.HasLeft == left) return Decided<LeaverMark>.Unchanged(new LeaverMarked(member.Member, left, Changed: false));
        var next = member with { LeftAt = left ? now : null };
        var audit = new AuditEntry(now, member.Member, left ? AuditAction.MemberLeft : AuditAction.MemberReturned, member.Member.Value,
            State(member.HasLeft), State(left));
        return new LeaverMark(next, audit, new LeaverMarked(member.Member, left, Changed: true));

        static string State(bool hasLeft) => hasLeft ? "left" : "member";
    }

    /// <summary>A request of the leaver's, withdrawn on their behalf; one decided meanwhile stays as it is.</summary>
    public static Decided<CloseDecision> CancelRequest(CloseState state, MemberId leaver, WorkspaceSettings settings, DateTimeOffset now)
    {
        if (state.Redemption is not { } row || state.Requester is not { } requester) return new Refused(Refusal.UnknownRedemption);
        if (row.Redemption.IsDecided || row.Redemption.Requester != leaver)
            return Decided<CloseDecision>.Unchanged(RedemptionClosing.Unchanged(row, requester));
        return RedemptionClosing.Close(state, RedemptionState.Cancelled, leaver, null, settings, now);
    }

    /// <summary>
    /// A request waiting on the leaver: the leaver no longer approves it, and the workspace approvers not yet asked
    /// (never the requester, nor anyone who left) get a card. The requester hears where it went, or that nobody is
    /// left to approve it (their points stay held; they may cancel).
    /// </summary>
    public static Decided<RerouteDecision> Reroute(RerouteState state, MemberId leaver, WorkspaceSettings settings, DateTimeOffset now)
    {
        var before = state.Redemption.Redemption;
        var requester = state.Requester;
        if (before.IsDecided || !before.Approvers.Contains(leaver) || before.Requester == leaver)
            return Decided<RerouteDecision>.Unchanged(RedemptionClosing.Unchanged(state.Redemption, requester));

        var kept = before.Approvers.Where(a => a != leaver).ToList();
        var gone = state.WorkspaceApprovers.Where(a => a.HasLeft).Select(a => a.Member).ToHashSet();
        var added = settings.Approvers.Where(a => a != before.Requester && a != leaver && !kept.Contains(a) && !gone.Contains(a)).Distinct().ToList();
        var redemption = before with { Approvers = [.. kept, .. added] };
        var available = requester.Balance.Available;
        var posts = added.Select(a => new OutgoingPost(new ToMember(a), new ApprovalRequestPost(redemption, available)
        {
            Locale = state.WorkspaceApprovers.FirstOrDefault(r => r.Member == a)?.Locale ?? settings.DefaultLocale,
        })).ToList();
        var locale = requester.Locale ?? settings.DefaultLocale;
        if (added.Count > 0)
            posts.Add(new OutgoingPost(new ToMember(before.Requester),
                new UndeliveredPost(UndeliveredReason.ApprovalRerouted, RewardName: before.RewardName, Unreachable: leaver) { Locale = locale }));
        else if (kept.Count == 0)
            posts.Add(new OutgoingPost(new ToMember(before.Requester),
                new UndeliveredPost(UndeliveredReason.ApprovalUnreachable, RewardName: before.RewardName, Unreachable: leaver) { Locale = locale }));
        return new RerouteDecision(state.Redemption with { Redemption = redemption }, added, posts,
            new RedemptionView(redemption, RedemptionChange.Requested, available));
    }
}
