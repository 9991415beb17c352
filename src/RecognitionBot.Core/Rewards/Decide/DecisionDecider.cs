using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Rewards.Decide;

/// <summary>
/// Approving or rejecting a pending redemption: only a resolved or workspace approver, never the requester nor an
/// admin who mapped themselves as the requester's manager (<see cref="DecisionRules"/>); a request already decided
/// is shown as it stands.
/// </summary>
public static class DecisionDecider
{
    public static Decided<CloseDecision> Decide(CloseState state, DecideRequest command, WorkspaceSettings settings, DateTimeOffset now)
    {
        if (state.Redemption is not { } row || state.Requester is not { } requester)
            return new Refused(Refusal.UnknownRedemption, command.RedemptionId);
        if (row.Redemption.IsDecided) return Decided<CloseDecision>.Unchanged(RedemptionClosing.Unchanged(row, requester));
        if (DecisionRules.Check(row.Redemption, command.Decider, settings, requester.State) is { } refused) return refused;
        return RedemptionClosing.Close(state, command.Approve ? RedemptionState.Approved : RedemptionState.Rejected, command.Decider, command.Reason, settings, now);
    }
}
