using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Rewards;

/// <summary>
/// Who may decide a pending redemption: not the requester, nor an admin who mapped themselves as the requester's
/// manager; a resolved approver or a workspace approver.
/// </summary>
public static class DecisionRules
{
    public static Refused? Check(Redemption redemption, MemberId decider, WorkspaceSettings settings, MemberState? requester)
    {
        if (redemption.Requester == decider) return new Refused(Refusal.SelfApproval);
        if (requester is not null && requester.IsSelfMappedManager(decider)) return new Refused(Refusal.SelfMappedApprover, redemption.Requester.Value);
        if (!redemption.Approvers.Contains(decider) && !settings.Approvers.Contains(decider)) return new Refused(Refusal.NotApprover);
        return null;
    }
}
