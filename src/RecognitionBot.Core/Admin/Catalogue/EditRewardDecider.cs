using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin.Catalogue;

/// <summary>A reward changed in place (edited or restocked): its row after the change, its audit row, the answer.</summary>
public sealed record RewardChangeDecision(Reward Reward, AuditEntry Audit, AdminDone Result);

/// <summary>
/// Editing a live reward: a valid name no other live reward has, and valid numbers. Its id, stock and pending
/// requests stay: a request already made keeps the name and cost it was made at.
/// </summary>
public static class EditRewardDecider
{
    public static Decided<RewardChangeDecision> Decide(CatalogueState state, EditRewardCommand command, MemberId admin, DateTimeOffset now)
    {
        var live = state.Live.FirstOrDefault(r => string.Equals(r.Id, command.RewardId, StringComparison.OrdinalIgnoreCase));
        if (live is null) return new Refused(Refusal.UnknownReward, command.RewardId);
        var name = command.Name.Trim();
        if (RewardRules.Check(name, command.Cost, null, command.MonthlyLimit) is { } refused) return refused;
        if (state.Live.Any(r => r.Id != live.Id && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
            return new Refused(Refusal.RewardExists, name);
        var next = live with { Name = name, Cost = command.Cost, NeedsApproval = command.NeedsApproval, MonthlyLimit = command.MonthlyLimit };
        return new RewardChangeDecision(next,
            new AuditEntry(now, admin, AuditAction.RewardEdited, name, Describe(live), Describe(next), live.Id), new AdminDone(command, name));
    }

    /// <summary>A reward with its name, as an edit's before and after (the name may be what changed).</summary>
    private static string Describe(Reward r) => $"\"{r.Name}\" {AddRewardDecider.Describe(r)}";
}
