using RecognitionBot.Core.Commands;

namespace RecognitionBot.Core.Rewards;

/// <summary>Finding the reward a member asked for among the live (not removed) rewards.</summary>
public static class RewardCatalogue
{
    /// <summary>A reward by id, else by its name, else by a unique part of one; refused when none or several match.</summary>
    public static (Reward? Reward, Refused? Refusal) Find(IReadOnlyList<Reward> live, string query)
    {
        var q = query.Trim();
        var byId = live.FirstOrDefault(r => string.Equals(r.Id, q, StringComparison.OrdinalIgnoreCase));
        if (byId is not null) return (byId, null);
        var byName = live.Where(r => string.Equals(r.Name, q, StringComparison.CurrentCultureIgnoreCase)).ToList();
        if (byName.Count == 1) return (byName[0], null);
        var partial = live.Where(r => r.Name.Contains(q, StringComparison.CurrentCultureIgnoreCase)).ToList();
        return partial.Count switch
        {
            1 => (partial[0], null),
            0 => (null, new Refused(Refusal.UnknownReward, q)),
            _ => (null, new Refused(Refusal.AmbiguousReward, string.Join(", ", partial.Select(p => p.Name)))),
        };
    }
}
