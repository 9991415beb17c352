using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Rewards.Cancel;

/// <summary>Withdrawing a pending redemption: only its requester, only while nobody has decided it.</summary>
public static class CancelDecider
{
    public static Decided<CloseDecision> Decide(CloseState state, CancelRedemptionCommand command, MemberId requester, WorkspaceSettings settings, DateTimeOffset now)
    {
        if (state.Redemption is not { } row || state.Requester is not { } owner)
            return new Refused(Refusal.UnknownRedemption, command.RedemptionId);
        if (row.Redemption.Requester != requester) return new Refused(Refusal.NotRequester);
        if (row.Redemption.IsDecided) return Decided<CloseDecision>.Unchanged(RedemptionClosing.Unchanged(row, owner));
        return RedemptionClosing.Close(state, RedemptionState.Cancelled, requester, null, settings, now);
    }
}
