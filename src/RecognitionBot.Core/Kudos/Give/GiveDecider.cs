using System.Globalization;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Kudos.Give;

/// <summary>
/// What a kudos needs from storage: the giver's row and each recipient's, in the request's order (fresh rows for
/// members never seen), and the id the ledger drew for the kudos, so deciding stays deterministic.
/// </summary>
public sealed record GiveState(MemberRow Giver, IReadOnlyList<MemberRow> Recipients, string KudosId);

/// <summary>A kudos given: the rows to write back, the kudos row, the history lines, the posts, and the answer.</summary>
public sealed record GiveDecision(
    MemberRow Giver,
    IReadOnlyList<MemberRow> Recipients,
    Kudos Kudos,
    IReadOnlyList<HistoryRow> History,
    IReadOnlyList<OutgoingPost> Posts,
    KudosGiven Result);

/// <summary>
/// The stateful rules of giving: the giver's allowance in its period, the per-pair daily cap, the recipients'
/// points and milestones, who hears about it. The stateless rules (recipients, points, message) are <see cref="KudosRules"/>.
/// </summary>
public static class GiveDecider
{
    /// <summary>Longest note kept on a history line; the kudos row keeps the whole message.</summary>
    public const int HistoryNoteLength = 200;

    public static Decided<GiveDecision> Decide(GiveState state, GiveRequest command, WorkspaceSettings settings, DateTimeOffset now)
    {
        // Checked before by KudosRules too; here because a giver's own row must never be counted as a recipient's.
        if (command.Recipients.Contains(command.Giver)) return new Refused(Refusal.SelfKudos);
        var allowance = Allowance.Of(state.Giver, settings, now);
        var total = command.Points * command.Recipients.Count;
        if (total > allowance.Left) return new Refused(Refusal.AllowanceExceeded, allowance.Left.ToString(CultureInfo.InvariantCulture));

        var day = Clock.DayKey(now, settings.Zone);
        var givenToday = GivenToday(state.Giver, day);
        foreach (var recipient in command.Recipients)
        {
            var left = settings.PairDailyCap - givenToday.GetValueOrDefault(recipient.Value);
            if (command.Points > left) return new Refused(Refusal.PairCapReached, $"{recipient.Value}|{Math.Max(0, left)}");
        }

        var privateRecipients = state.Recipients.Where(x => x.PrivateCelebrations).Select(x => x.Member).ToList();
        var firstTimers = state.Recipients.Where(x => x.KudosReceived == 0).Select(x => x.Member).ToList();
        var kudos = new Kudos(state.KudosId, command.Workspace, command.Giver, command.Recipients, command.Points, command.Message, command.Values,
            command.Conversation, now, command.Private, privateRecipients, firstTimers)
        {
            Link = command.Link,
        };
        var isPublic = kudos.PublicRecipients;
        var note = TextLimits.Shorten(command.Message, HistoryNoteLength);

        var recipients = new List<MemberRow>(state.Recipients.Count);
        var outcomes = new List<RecipientOutcome>(state.Recipients.Count);
        var milestones = new List<Milestone>();
        var history = new List<HistoryRow>(state.Recipients.Count + 1);
        foreach (var before in state.Recipients)
        {
            var reached = Milestones.Reached(before, command.Points);
            var publicly = isPublic.Contains(before.Member);
            var after = before with
            {
                Earned = before.Earned + command.Points,
                KudosReceived = before.KudosReceived + 1,
                FirstKudosAt = before.KudosReceived == 0 ? now : before.FirstKudosAt,
                LastKudosAt = now,
                PublicKudosReceived = before.PublicKudosReceived + (publicly ? 1 : 0),
                PublicPointsReceived = before.PublicPointsReceived + (publicly ? command.Points : 0),
                ValueCounts = publicly ? CountValues(before.ValueCounts, command.Values) : before.ValueCounts,
            };
            recipients.Add(after);
            outcomes.Add(new RecipientOutcome(after.Member, after.Balance.Available, after.Earned, reached));
            milestones.AddRange(reached);
            history.Add(new HistoryRow(after.Member, new Movement(now, MovementKind.Received, command.Points, state.KudosId, command.Giver, note)));
        }

        var nextToday = new Dictionary<string, int>(givenToday);
        foreach (var m in command.Recipients) nextToday[m.Value] = nextToday.GetValueOrDefault(m.Value) + command.Points;
        var giver = state.Giver with
        {
            AllowancePeriod = Clock.PeriodKey(now, settings.Zone, settings.AllowancePeriod),
            AllowanceUsed = allowance.Used + total,
            // Points given today per recipient live on the giver's own row: the row this transaction writes anyway.
            GivenTodayDay = day,
            GivenToday = nextToday,
            Locale = command.GiverLocale is { Length: > 0 } locale ? locale : state.Giver.Locale,
        };
        history.Add(new HistoryRow(command.Giver,
            new Movement(now, MovementKind.Given, total, state.KudosId, command.Recipients.Count == 1 ? command.Recipients[0] : null, note)));

        var posts = new List<OutgoingPost>(recipients.Count + 1);
        if (command.CelebrationTarget is { } target && isPublic.Count > 0)
            posts.Add(new OutgoingPost(target,
                new CelebrationPost(kudos, milestones.Where(m => isPublic.Contains(m.Member)).ToList()) { Locale = settings.DefaultLocale }));
        foreach (var (row, outcome) in recipients.Zip(outcomes))
        {
            // A member who turned DMs off still hears about private kudos: the DM is their only notice.
            if (row.DirectMessagesOff && isPublic.Contains(row.Member)) continue;
            posts.Add(new OutgoingPost(new ToMember(row.Member),
                new KudosReceivedPost(kudos, row.Member, outcome.Available, outcome.Earned) { Locale = row.Locale ?? settings.DefaultLocale }));
        }

        return new GiveDecision(giver, recipients, kudos, history, posts, new KudosGiven(kudos, outcomes, allowance with { Used = allowance.Used + total }));
    }

    /// <summary>Points given per recipient today; counts from another day are gone.</summary>
    private static IReadOnlyDictionary<string, int> GivenToday(MemberRow giver, string day) =>
        giver.GivenTodayDay == day ? giver.GivenToday : new Dictionary<string, int>();

    private static IReadOnlyDictionary<string, int> CountValues(IReadOnlyDictionary<string, int> counts, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return counts;
        var next = new Dictionary<string, int>(counts);
        foreach (var v in values) next[v] = next.GetValueOrDefault(v) + 1;
        return next;
    }
}
