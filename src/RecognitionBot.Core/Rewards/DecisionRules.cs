using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Rewards;

/// <summary>Who may decide a pending redemption: not the requester; a resolved approver or a workspace approver.</summary>
public static class DecisionRules
{
    public static Refused? Check(Redemption redemption, MemberId decider, WorkspaceSettings settings)
    {
        if (redemption.Requester == decider) return new Refused(Refusal.SelfApproval);
        if (!redemption.Approvers.Contains(decider) && !settings.Approvers.Contains(decider)) return new Refused(Refusal.NotApprover);
        return null;
    }
}
