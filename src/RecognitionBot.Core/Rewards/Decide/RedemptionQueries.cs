using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Rewards.Decide;

/// <summary>A redemption as it stands, and whether someone may decide it, without deciding.</summary>
public sealed class RedemptionQueries(ILedger ledger)
{
    /// <summary>
    /// Null when <paramref name="decider"/> may decide now, else what deciding would answer: a refusal, or the
    /// current state of a request already decided.
    /// </summary>
    public async Task<CommandResult?> CheckDecisionAsync(WorkspaceId workspace, MemberId decider, string redemptionId, WorkspaceSettings settings, CancellationToken cancellationToken)
    {
        var redemption = await ledger.GetRedemptionAsync(workspace, redemptionId, cancellationToken);
        if (redemption is null) return new Refused(Refusal.UnknownRedemption, redemptionId);
        var requester = await ledger.GetMemberAsync(workspace, redemption.Requester, cancellationToken);
        if (redemption.IsDecided) return new RedemptionView(redemption, RedemptionChange.Unchanged, requester.Balance.Available);
        return DecisionRules.Check(redemption, decider, settings, requester);
    }

    /// <summary>A redemption with its requester's available points (null if there is none).</summary>
    public async Task<RedemptionView?> GetAsync(WorkspaceId workspace, string redemptionId, CancellationToken cancellationToken)
    {
        var redemption = await ledger.GetRedemptionAsync(workspace, redemptionId, cancellationToken);
        if (redemption is null) return null;
        var requester = await ledger.GetMemberAsync(workspace, redemption.Requester, cancellationToken);
        return new RedemptionView(redemption, RedemptionChange.Unchanged, requester.Balance.Available);
    }
}
