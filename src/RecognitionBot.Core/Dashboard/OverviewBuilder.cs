using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Dashboard;

/// <summary>The overview's numbers from the kudos of its weeks and the people the ledger knows: pure, tested without storage.</summary>
public static class OverviewBuilder
{
    public const int Weeks = 12;
    public const int ParticipationDays = 30;

    /// <summary>The weeks a quiet place is judged on.</summary>
    public const int RecentWeeks = 4;

    /// <summary>[start, end) of the weeks shown: from Monday 00:00, <see cref="Weeks"/> - 1 weeks before this one, to next Monday 00:00.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Range(DateTimeOffset now, TimeZoneInfo zone)
    {
        var thisWeek = Clock.WeekStart(Clock.Local(now, zone));
        return (Clock.ToUtc(thisWeek.AddDays(-7 * (Weeks - 1)), zone), Clock.ToUtc(thisWeek.AddDays(7), zone));
    }

    public static OverviewView Build(
        IEnumerable<Kudos.Kudos> kudos, IEnumerable<MemberState> people, IReadOnlyList<string> values, DateTimeOffset now, TimeZoneInfo zone)
    {
        var thisWeek = Clock.WeekStart(Clock.Local(now, zone));
        var starts = Enumerable.Range(0, Weeks).Select(i => thisWeek.AddDays(-7 * (Weeks - 1 - i))).ToList();
        var (from, to) = Range(now, zone);
        var recentFrom = Clock.ToUtc(thisWeek.AddDays(-7 * (RecentWeeks - 1)), zone);
        var since = now.AddDays(-ParticipationDays);

        var weeks = starts.ToDictionary(s => s, _ => (Kudos: 0, Points: 0));
        var valueCounts = values.ToDictionary(v => v, _ => 0, StringComparer.OrdinalIgnoreCase);
        var kinds = Enum.GetValues<ConversationKind>().ToDictionary(k => k, _ => (Kudos: 0, Points: 0));
        var places = new Dictionary<(string Id, bool IsTeam), (int Kudos, int Points, HashSet<MemberId> People, int Recent)>();
        var gave = new HashSet<MemberId>();
        var received = new HashSet<MemberId>();

        foreach (var k in kudos)
        {
            if (k.Withdrawn || k.GivenAt < from || k.GivenAt >= to) continue;
            var points = Points(k);
            var week = Clock.WeekStart(Clock.Local(k.GivenAt, zone));
            if (weeks.TryGetValue(week, out var w)) weeks[week] = (w.Kudos + 1, w.Points + points);
            foreach (var value in k.Values) valueCounts[value] = valueCounts.GetValueOrDefault(value) + 1;
            var kind = kinds[k.Conversation.Kind];
            kinds[k.Conversation.Kind] = (kind.Kudos + 1, kind.Points + points);
            if (Place(k.Conversation) is { } place)
            {
                var p = places.TryGetValue(place, out var found) ? found : (0, 0, new HashSet<MemberId>(), 0);
                p.Item3.UnionWith(k.Recipients);
                places[place] = (p.Item1 + 1, p.Item2 + points, p.Item3, p.Item4 + (k.GivenAt >= recentFrom ? 1 : 0));
            }
            if (k.GivenAt >= since && k.GivenAt <= now)
            {
                gave.Add(k.Giver);
                received.UnionWith(k.Recipients);
            }
            foreach (var addOn in k.AddOns)
                if (addOn.At >= since && addOn.At <= now) gave.Add(addOn.Adder);
        }

        var here = people.Where(p => !p.HasLeft).Select(p => p.Member).ToHashSet();
        var ordinal = StringComparer.Ordinal;
        return new OverviewView(
            now,
            starts.Select(s => new WeekTotal(DateOnly.FromDateTime(s), weeks[s].Kudos, weeks[s].Points)).ToList(),
            new Participation(here.Count, gave.Count(here.Contains), received.Count(here.Contains), ParticipationDays),
            [
                .. values.Select(v => new ValueCount(v, valueCounts[v])),
                .. valueCounts.Where(c => !values.Contains(c.Key, StringComparer.OrdinalIgnoreCase))
                    .OrderByDescending(c => c.Value).ThenBy(c => c.Key, ordinal).Select(c => new ValueCount(c.Key, c.Value)),
            ],
            kinds.Select(k => new KindTotal(k.Key, k.Value.Kudos, k.Value.Points)).ToList(),
            places.OrderByDescending(p => p.Value.Kudos).ThenBy(p => p.Key.Id, ordinal)
                .Select(p => new PlaceTotal(p.Key.Id, p.Key.IsTeam, p.Value.Kudos, p.Value.Points, p.Value.People.Count, p.Value.Recent)).ToList());
    }

    /// <summary>The points a kudos moved: the giver's to each recipient, and each add-on's to each public recipient.</summary>
    public static int Points(Kudos.Kudos k) => k.Points * k.Recipients.Count + k.AddOns.Sum(a => a.Points) * k.PublicRecipients.Count;

    // A Teams channel counts for its team (the unit people are organised in); a Slack public channel for itself.
    // Private channels, group chats and DMs are never named, not even to admins: their kind is counted instead.
    private static (string Id, bool IsTeam)? Place(ConversationRef c) => c.Kind != ConversationKind.Channel ? null
        : c.TeamId is { } team ? (team, true)
        : (c.Id, false);
}
