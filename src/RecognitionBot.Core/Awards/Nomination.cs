using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Awards;

/// <summary>One nomination for agent of the month: who nominated whom, why, in which local month.</summary>
public sealed record Nomination(string Month, MemberId Nominee, MemberId Nominator, string Reason, DateTimeOffset At);

/// <summary>A nomination for the ledger: the nominee already known to be a member, the delivery it came with.</summary>
public sealed record NominateRequest(
    WorkspaceId Workspace, MemberId Nominator, MemberId Nominee, string Reason, string? DeliveryKey, WorkspaceSettings Settings);

/// <summary>The nominator's private confirmation: the nominee is not told.</summary>
public sealed record NominationMade(MemberId Nominee, string Month) : CommandResult;

/// <summary>A nomination to write, and its answer.</summary>
public sealed record NominationDecision(Nomination Nomination, NominationMade Result);

/// <summary>
/// The rules of a nomination: never oneself, a reason of <see cref="MinReason"/> to <see cref="MaxReason"/> characters,
/// one per nominator and nominee in a local month of the workspace (the next month may nominate them again).
/// Pure: the ledger passes whether this nominator's row for this nominee and month exists.
/// </summary>
public static class NominationDecider
{
    public const int MinReason = 3;
    public const int MaxReason = 300;

    /// <summary>What needs no storage: self, the reason's length.</summary>
    public static Refused? Check(MemberId nominator, MemberId nominee, string reason)
    {
        if (nominator == nominee) return new Refused(Refusal.SelfNomination);
        var length = reason.Trim().Length;
        if (length < MinReason || length > MaxReason) return new Refused(Refusal.NominationReason, $"{MinReason}|{MaxReason}");
        return null;
    }

    public static Decided<NominationDecision> Decide(bool alreadyNominated, NominateRequest request, DateTimeOffset now)
    {
        if (Check(request.Nominator, request.Nominee, request.Reason) is { } refused) return refused;
        var month = AwardPeriods.Month(now, request.Settings.Zone);
        if (alreadyNominated) return new Refused(Refusal.AlreadyNominated, request.Nominee.Value);
        var nomination = new Nomination(month, request.Nominee, request.Nominator, request.Reason.Trim(), now);
        return new NominationDecision(nomination, new NominationMade(request.Nominee, month));
    }
}
