using System.Globalization;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos.AddOn;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Kudos.Undo;

/// <summary>A recipient's DM about a kudos, where it was posted.</summary>
public sealed record PostedNotice(MemberId Recipient, PostedMessage Message);

/// <summary>
/// What an undo needs from storage: the kudos, where its celebration and DMs were posted, which of its outbox rows
/// are still unsent, the giver's row and every recipient's row in the kudos' order.
/// </summary>
public sealed record UndoState(
    Kudos Kudos,
    PostedCelebration? Celebration,
    IReadOnlyList<PostedNotice> Notices,
    IReadOnlyList<string> Unsent,
    MemberRow Giver,
    IReadOnlyList<MemberRow> Recipients);

public sealed record UndoRequest(WorkspaceId Workspace, MemberId Actor, string Kudos, string? DeliveryKey, WorkspaceSettings Settings);

/// <summary>An undo decided: the rows put back, the kudos marked withdrawn, the history lines, the unsent posts to drop, the redraws, the answer.</summary>
public sealed record UndoDecision(
    MemberRow Giver,
    IReadOnlyList<MemberRow> Recipients,
    Kudos Kudos,
    IReadOnlyList<HistoryRow> History,
    IReadOnlyList<string> Drop,
    IReadOnlyList<OutgoingPost> Posts,
    KudosUndone Result);

/// <summary>
/// The rules of undoing: only the giver, within the workspace's undo window on the server's clock, before anyone added
/// on, and only while every recipient still has the points available (not spent, not held for a reward). The points
/// leave the recipients, the allowance and the day's per-pair counts return to the giver, the history gains a line on
/// each side (it never loses one), and milestones already celebrated stay celebrated.
/// </summary>
public static class UndoDecider
{
    public static Decided<UndoDecision> Decide(UndoState state, UndoRequest command, WorkspaceSettings settings, DateTimeOffset now)
    {
        var k = state.Kudos;
        if (command.Actor != k.Giver) return new Refused(Refusal.NotGiver);
        if (k.Withdrawn) return new Refused(Refusal.KudosWithdrawn);
        if (now - k.GivenAt > settings.UndoWindow)
            return new Refused(Refusal.UndoWindowClosed, ((int)settings.UndoWindow.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        if (k.AddOns.Count > 0) return new Refused(Refusal.UndoAfterAddOns);
        foreach (var r in state.Recipients)
            if (r.Earned - r.Spent - r.Held < k.Points) return new Refused(Refusal.UndoPointsSpent, r.Member.Value);

        var kudos = k with { Withdrawn = true };
        var isPublic = k.PublicRecipients;
        var recipients = new List<MemberRow>(state.Recipients.Count);
        var history = new List<HistoryRow>(state.Recipients.Count + 1);
        foreach (var before in state.Recipients)
        {
            var publicly = isPublic.Contains(before.Member);
            // KudosReceived stays: it is what keeps the first-kudos line from being celebrated twice.
            recipients.Add(before with
            {
                Earned = before.Earned - k.Points,
                EarnedPeak = Math.Max(before.EarnedPeak, before.Earned),
                PublicKudosReceived = Math.Max(0, before.PublicKudosReceived - (publicly ? 1 : 0)),
                PublicPointsReceived = Math.Max(0, before.PublicPointsReceived - (publicly ? k.Points : 0)),
                ValueCounts = publicly ? Uncount(before.ValueCounts, k.Values) : before.ValueCounts,
            });
            history.Add(new HistoryRow(before.Member, new Movement(now, MovementKind.Withdrawn, k.Points, k.Id, k.Giver, null)));
        }

        // The allowance and the day's counts come back only to the period and day they were taken from.
        var giver = state.Giver;
        if (giver.AllowancePeriod == Workspaces.Clock.PeriodKey(k.GivenAt, settings.Zone, settings.AllowancePeriod))
            giver = giver with { AllowanceUsed = Math.Max(0, giver.AllowanceUsed - k.Total) };
        if (giver.GivenTodayDay == Workspaces.Clock.DayKey(k.GivenAt, settings.Zone))
        {
            var today = new Dictionary<string, int>(giver.GivenToday);
            foreach (var r in k.Recipients) today[r.Value] = Math.Max(0, today.GetValueOrDefault(r.Value) - k.Points);
            giver = giver with { GivenToday = today };
        }
        history.Add(new HistoryRow(k.Giver,
            new Movement(now, MovementKind.Refunded, k.Total, k.Id, k.Recipients.Count == 1 ? k.Recipients[0] : null, null)));

        // Posts made are marked withdrawn in place; posts not made yet are simply dropped with this transaction.
        var posts = new List<OutgoingPost>();
        if (state.Celebration is { } celebration)
            posts.Add(new OutgoingPost(new ToExistingMessage(celebration.Message),
                new CelebrationPost(kudos, celebration.Milestones) { Locale = settings.DefaultLocale }));
        foreach (var notice in state.Notices)
        {
            var row = recipients.FirstOrDefault(r => r.Member == notice.Recipient);
            posts.Add(new OutgoingPost(new ToExistingMessage(notice.Message),
                new KudosReceivedPost(kudos, notice.Recipient, row?.Balance.Available ?? 0, row?.Earned ?? 0)
                {
                    Locale = row?.Locale ?? settings.DefaultLocale,
                }));
        }
        return new UndoDecision(giver, recipients, kudos, history, state.Unsent, posts,
            new KudosUndone(kudos, Allowance.Of(giver, settings, now)));
    }

    private static IReadOnlyDictionary<string, int> Uncount(IReadOnlyDictionary<string, int> counts, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return counts;
        var next = new Dictionary<string, int>(counts);
        foreach (var v in values)
            if (next.TryGetValue(v, out var n)) next[v] = Math.Max(0, n - 1);
        return next;
    }
}
