using System.Globalization;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Digests;

/// <summary>
/// Builds a week's digest for one conversation from that week's kudos rows only: the read grows with the week, not the
/// history. It counts and quotes only kudos the conversation's members could see anyway
/// (<see cref="ConversationRef.IsVisibleIn"/>), and names nobody who chose privacy, then or since.
/// </summary>
public sealed class DigestBuilder(TableLedger ledger)
{
    /// <summary>The seven days up to <paramref name="until"/> (same local time a week earlier, across DST), as a preview.</summary>
    public Task<WeeklyDigest> BuildWeekUntilAsync(
        WorkspaceId workspace, ConversationRef where, DateTimeOffset until, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var from = Clock.ToUtc(Clock.Local(until, zone).AddDays(-7), zone);
        return BuildAsync(workspace, where, from, until, WeekLabel(until, zone), cancellationToken);
    }

    public static string WeekLabel(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = Clock.Local(at, zone);
        return $"{ISOWeek.GetYear(local):D4}-W{ISOWeek.GetWeekOfYear(local):D2}";
    }

    /// <summary>The digest for <paramref name="where"/> of the kudos given in [from, to).</summary>
    public async Task<WeeklyDigest> BuildAsync(
        WorkspaceId workspace, ConversationRef where, DateTimeOffset from, DateTimeOffset to, string week, CancellationToken cancellationToken)
    {
        var count = 0;
        var points = 0;
        var recognised = new HashSet<MemberId>();
        var byRecipient = new Dictionary<MemberId, (int Kudos, int Points)>();
        var values = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var highlights = new List<(Kudos.Kudos Kudos, int Score)>();
        var firstTimers = new List<MemberId>();
        await foreach (var k in ledger.QueryKudosAsync(workspace, from, to, cancellationToken))
        {
            if (!k.Conversation.IsVisibleIn(where)) continue;
            count++;
            points += k.Total + k.AddOns.Sum(a => a.Points) * k.PublicRecipients.Count;
            foreach (var r in k.Recipients) recognised.Add(r);
            var named = k.PublicRecipients;
            foreach (var r in named)
            {
                var t = byRecipient.GetValueOrDefault(r);
                byRecipient[r] = (t.Kudos + 1, t.Points + k.PointsWithAddOns);
            }
            foreach (var v in k.Values) values[v] = values.GetValueOrDefault(v) + 1;
            foreach (var m in k.FirstTimeRecipients ?? [])
                if (named.Contains(m) && !firstTimers.Contains(m)) firstTimers.Add(m);
            if (named.Count == k.Recipients.Count && named.Count > 0)
                highlights.Add((k, k.Total * 1000 + Math.Min(k.Message.Length, 500)));
        }

        // A kudos row remembers who chose privacy when it was given; someone who chose it since is not named either.
        var nameable = await PublicNowAsync(
            workspace, byRecipient.Keys.Concat(firstTimers).Concat(highlights.SelectMany(h => h.Kudos.Recipients)), cancellationToken);
        return new WeeklyDigest(
            week, from, to, count, points, recognised.Count,
            byRecipient.Where(x => nameable.Contains(x.Key))
                .OrderByDescending(x => x.Value.Points).ThenByDescending(x => x.Value.Kudos).ThenBy(x => x.Key.Value, StringComparer.Ordinal)
                .Take(5).Select(x => new DigestRecipient(x.Key, x.Value.Kudos, x.Value.Points)).ToList(),
            values.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).ToList(),
            highlights.Where(h => h.Kudos.Recipients.All(nameable.Contains)).OrderByDescending(h => h.Score).Take(3)
                .Select(h => new DigestHighlight(h.Kudos.Id, h.Kudos.Giver, h.Kudos.Recipients, h.Kudos.Points, h.Kudos.Message)).ToList(),
            firstTimers.Where(nameable.Contains).ToList());
    }

    private async Task<HashSet<MemberId>> PublicNowAsync(WorkspaceId workspace, IEnumerable<MemberId> candidates, CancellationToken cancellationToken)
    {
        var states = await ledger.GetMembersAsync(workspace, candidates.Distinct().ToList(), cancellationToken);
        return states.Where(s => !s.PrivateCelebrations).Select(s => s.Member).ToHashSet();
    }
}
