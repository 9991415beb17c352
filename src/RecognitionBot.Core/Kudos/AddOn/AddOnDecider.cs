using System.Globalization;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Kudos.AddOn;

/// <summary>
/// What an add-on needs from storage: the kudos as stored (with where its celebration went and its milestone lines),
/// the adder's row and each public recipient's row, in the kudos' order.
/// </summary>
public sealed record AddOnState(Kudos Kudos, PostedCelebration? Celebration, MemberRow Adder, IReadOnlyList<MemberRow> Recipients);

/// <summary>Where a celebration was posted, with the milestone lines it showed: enough to draw it again in place.</summary>
public sealed record PostedCelebration(PostedMessage Message, IReadOnlyList<Milestone> Milestones);

public sealed record AddOnRequest(WorkspaceId Workspace, MemberId Adder, string Kudos, int Points, PostedMessage? Clicked, string? DeliveryKey,
    WorkspaceSettings Settings)
{
    public string? AdderLocale { get; init; }
}

/// <summary>An add-on decided: the rows to write back, the kudos with its new add-on, the history lines, the posts, the answer.</summary>
public sealed record AddOnDecision(
    MemberRow Adder, IReadOnlyList<MemberRow> Recipients, Kudos Kudos, IReadOnlyList<HistoryRow> History, IReadOnlyList<OutgoingPost> Posts,
    AddOnGiven Result);

/// <summary>
/// The rules of adding on: anyone but the giver and the recipients, once per kudos, to a public kudos not withdrawn,
/// with every rule of giving applied to what they add (points range, allowance, per-pair daily cap). The points go
/// to the recipients the celebration names; the celebration is redrawn in place and each recipient is told.
/// </summary>
public static class AddOnDecider
{
    public static Decided<AddOnDecision> Decide(AddOnState state, AddOnRequest command, WorkspaceSettings settings, DateTimeOffset now)
    {
        var k = state.Kudos;
        if (k.Withdrawn) return new Refused(Refusal.KudosWithdrawn);
        if (command.Adder == k.Giver) return new Refused(Refusal.AddOnOwnKudos);
        if (k.Recipients.Contains(command.Adder)) return new Refused(Refusal.AddOnRecipient);
        var recipients = k.PublicRecipients;
        if (recipients.Count == 0) return new Refused(Refusal.AddOnPrivate);
        if (k.AddOns.Any(a => a.Adder == command.Adder)) return new Refused(Refusal.AlreadyAddedOn);
        // Leavers take no further part, as in giving: neither adding on nor receiving what others add.
        if (state.Adder.HasLeft) return new Refused(Refusal.Leaver, command.Adder.Value);
        if (state.Recipients.FirstOrDefault(r => r.HasLeft) is { } leaver) return new Refused(Refusal.LeaverRecipient, leaver.Member.Value);
        if (command.Points < 1 || command.Points > settings.MaxPoints)
            return new Refused(Refusal.PointsOutOfRange, settings.MaxPoints.ToString(CultureInfo.InvariantCulture));

        var allowance = Allowance.Of(state.Adder, settings, now);
        var total = command.Points * recipients.Count;
        if (total > allowance.Left) return new Refused(Refusal.AllowanceExceeded, allowance.Left.ToString(CultureInfo.InvariantCulture));
        var day = Workspaces.Clock.DayKey(now, settings.Zone);
        var givenToday = state.Adder.GivenTodayDay == day ? state.Adder.GivenToday : new Dictionary<string, int>();
        foreach (var r in recipients)
        {
            var left = settings.PairDailyCap - givenToday.GetValueOrDefault(r.Value);
            if (command.Points > left) return new Refused(Refusal.PairCapReached, $"{r.Value}|{Math.Max(0, left)}");
        }

        var kudos = k with { AddOns = [.. k.AddOns, new KudosAddOn(command.Adder, command.Points, now)] };
        var rows = new List<MemberRow>(state.Recipients.Count);
        var history = new List<HistoryRow>(state.Recipients.Count + 1);
        var note = Text.TextLimits.Shorten(k.Message, Give.GiveDecider.HistoryNoteLength);
        foreach (var before in state.Recipients)
        {
            // Points, not another kudos: the kudos count (and its first-kudos line) stays as it was.
            rows.Add(before with
            {
                Earned = before.Earned + command.Points,
                PublicPointsReceived = before.PublicPointsReceived + command.Points,
                LastKudosAt = now,
            });
            history.Add(new HistoryRow(before.Member, new Movement(now, MovementKind.Received, command.Points, k.Id, command.Adder, note)));
        }
        var nextToday = new Dictionary<string, int>(givenToday);
        foreach (var r in recipients) nextToday[r.Value] = nextToday.GetValueOrDefault(r.Value) + command.Points;
        var adder = state.Adder with
        {
            AllowancePeriod = Workspaces.Clock.PeriodKey(now, settings.Zone, settings.AllowancePeriod),
            AllowanceUsed = allowance.Used + total,
            GivenTodayDay = day,
            GivenToday = nextToday,
            Locale = command.AdderLocale is { Length: > 0 } locale ? locale : state.Adder.Locale,
        };
        history.Add(new HistoryRow(command.Adder,
            new Movement(now, MovementKind.Given, total, k.Id, recipients.Count == 1 ? recipients[0] : null, note)));

        var posts = new List<OutgoingPost>(rows.Count + 1);
        // The celebration as recorded when it was posted; else the one clicked (its record may still be on its way).
        var where = state.Celebration?.Message ?? command.Clicked;
        var celebration = new CelebrationPost(kudos, state.Celebration?.Milestones ?? []) { Locale = settings.DefaultLocale };
        if (where is not null) posts.Add(new OutgoingPost(new ToExistingMessage(where), celebration));
        foreach (var row in rows)
        {
            if (row.DirectMessagesOff) continue;
            posts.Add(new OutgoingPost(new ToMember(row.Member),
                new AddOnReceivedPost(kudos, row.Member, command.Adder, command.Points, row.Balance.Available, row.Earned)
                {
                    Locale = row.Locale ?? settings.DefaultLocale,
                }));
        }
        return new AddOnDecision(adder, rows, kudos, history, posts,
            new AddOnGiven(kudos, command.Points, allowance with { Used = allowance.Used + total }) { Celebration = celebration });
    }
}
