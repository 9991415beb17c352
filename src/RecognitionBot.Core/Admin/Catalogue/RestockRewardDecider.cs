using System.Globalization;
using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin.Catalogue;

/// <summary>Restocking: adds to a live reward's stock; an unlimited reward has no stock to add to.</summary>
public static class RestockRewardDecider
{
    /// <summary>Decides on <paramref name="live"/>: the live reward with the command's id, or null.</summary>
    public static Decided<RewardChangeDecision> Decide(Reward? live, RestockRewardCommand command, MemberId admin, DateTimeOffset now)
    {
        if (live is null) return new Refused(Refusal.UnknownReward, command.RewardId);
        if (live.Stock is not { } stock) return new Refused(Refusal.UnlimitedStock, live.Name);
        if (command.Quantity is < 1 or > RewardRules.MaxNumber || stock + command.Quantity > RewardRules.MaxNumber) return RewardRules.NumberRefusal;
        var next = live with { Stock = stock + command.Quantity };
        return new RewardChangeDecision(next,
            new AuditEntry(now, admin, AuditAction.RewardRestocked, live.Name, Show(stock), Show(stock + command.Quantity), live.Id),
            new AdminDone(command, live.Name));
    }

    private static string Show(int stock) => stock.ToString(CultureInfo.InvariantCulture);
}
