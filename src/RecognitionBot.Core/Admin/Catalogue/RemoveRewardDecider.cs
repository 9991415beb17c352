using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin.Catalogue;

/// <summary>A reward removed: which one, its audit row, the answer.</summary>
public sealed record RemoveRewardDecision(string RewardId, AuditEntry Audit, AdminDone Result);

/// <summary>
/// Removing a reward: only a live one. It stays as a removed row, since pending redemptions still point at it and
/// may still be decided.
/// </summary>
public static class RemoveRewardDecider
{
    /// <summary>Decides on <paramref name="live"/>: the reward with the command's id, or null when there is none or it was removed already.</summary>
    public static Decided<RemoveRewardDecision> Decide(Reward? live, RemoveRewardCommand command, MemberId admin, DateTimeOffset now)
    {
        if (live is null) return new Refused(Refusal.UnknownReward, command.RewardId);
        return new RemoveRewardDecision(live.Id,
            new AuditEntry(now, admin, AuditAction.RewardRemoved, live.Name, AddRewardDecider.Describe(live), null, live.Id), new AdminDone(command, live.Name));
    }
}
