using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Kudos.Leaderboard;

/// <summary>
/// Kudos received per person, with their most frequent value, ranked the one way every leaderboard ranks: most kudos,
/// then most points, then by id so equal rows keep a stable order.
/// </summary>
internal sealed class LeaderboardTally
{
    public const int Size = 10;
    private readonly Dictionary<MemberId, (int Kudos, int Points, Dictionary<string, int> Values)> _totals = [];

    public IReadOnlyCollection<MemberId> Members => _totals.Keys;

    /// <summary>Counts a kudos for its public recipients only (never the private kudos or people who chose privacy then).</summary>
    public void Add(Kudos kudos)
    {
        foreach (var r in kudos.PublicRecipients)
        {
            var t = _totals.TryGetValue(r, out var x) ? x : (0, 0, new Dictionary<string, int>());
            foreach (var v in kudos.Values) t.Item3[v] = t.Item3.GetValueOrDefault(v) + 1;
            _totals[r] = (t.Item1 + 1, t.Item2 + kudos.PointsWithAddOns, t.Item3);
        }
    }

    /// <summary>A person's totals as already counted elsewhere (the all-time totals kept on member rows).</summary>
    public void Set(MemberId member, int kudos, int points, Dictionary<string, int> values) => _totals[member] = (kudos, points, values);

    /// <summary>
    /// The best placed that <paramref name="hidden"/> does not hide, asking it about a few people at a time, best
    /// first, until <see cref="Size"/> are kept: never about everyone the period's kudos reached.
    /// </summary>
    public async Task<LeaderboardView> TopAsync(LeaderboardPeriod period, Func<IReadOnlyCollection<MemberId>, Task<HashSet<MemberId>>> hidden)
    {
        var ranked = _totals
            .OrderByDescending(t => t.Value.Kudos).ThenByDescending(t => t.Value.Points).ThenBy(t => t.Key.Value, StringComparer.Ordinal)
            .ToList();
        var entries = new List<LeaderboardEntry>(Size);
        for (var from = 0; from < ranked.Count && entries.Count < Size; from += 2 * Size)
        {
            var chunk = ranked.GetRange(from, Math.Min(2 * Size, ranked.Count - from));
            var hide = await hidden([.. chunk.Select(t => t.Key)]);
            entries.AddRange(chunk.Where(t => !hide.Contains(t.Key)).Take(Size - entries.Count).Select(t => new LeaderboardEntry(
                t.Key, t.Value.Kudos, t.Value.Points,
                t.Value.Values.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key).FirstOrDefault())));
        }
        return new LeaderboardView(period, entries);
    }
}
