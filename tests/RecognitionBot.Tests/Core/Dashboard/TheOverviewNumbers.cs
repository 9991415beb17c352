using RecognitionBot.Core.Dashboard;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Core.Dashboard;

/// <summary>
/// The admins' overview, built from kudos and member rows in memory: weeks in the workspace's zone, participation,
/// values, spread. No storage.
/// </summary>
public sealed class TheOverviewNumbers
{
    private static readonly WorkspaceId Ws = new(Platform.Teams, "tenant");
    private static readonly TimeZoneInfo Rome = Clock.FindZone("Europe/Rome");

    // Wednesday 2 December 2026, 11:00 in Rome: this week began on Monday 30 November, the first of the 12 on 14 September.
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly ConversationRef Floor = new("19:floor", ConversationKind.Channel, "team-support");
    private static readonly IReadOnlyList<string> Values = ["#empathy", "#teamwork"];

    private static int _ids;

    private static Kudos Given(DateTimeOffset at, string giver, string[] to, int points = 10, ConversationRef? where = null, string[]? values = null,
        string[]? privately = null) =>
        new($"k{++_ids}", Ws, new MemberId(giver), to.Select(t => new MemberId(t)).ToList(), points, "thanks for the cover", values ?? [],
            where ?? Floor, at, false, (privately ?? []).Select(p => new MemberId(p)).ToList());

    private static MemberState Person(string id, bool left = false) =>
        new(new MemberId(id), new MemberBalance(0, 0, 0), false, null, false, false, null, 0, null, LeftAt: left ? Now.AddDays(-1) : null);

    private static OverviewView Build(IEnumerable<Kudos> kudos, params MemberState[] people) =>
        OverviewBuilder.Build(kudos, people, Values, Now, Rome);

    [Fact]
    public void CountsTwelveLocalWeeksOldestFirstWithEmptyWeeksShown()
    {
        var view = Build([]);

        Assert.Equal(12, view.Weeks.Count);
        Assert.Equal(new DateOnly(2026, 9, 14), view.Weeks[0].Start);
        Assert.Equal(new DateOnly(2026, 11, 30), view.Weeks[^1].Start);
        Assert.All(view.Weeks, w => Assert.Equal((0, 0), (w.Kudos, w.Points)));
        Assert.Equal(new DateTimeOffset(2026, 9, 13, 22, 0, 0, TimeSpan.Zero), OverviewBuilder.Range(Now, Rome).From); // summer time in September
    }

    [Fact]
    public void PutsAKudosInTheWeekOfItsLocalDay()
    {
        var view = Build(
        [
            Given(new DateTimeOffset(2026, 11, 29, 22, 30, 0, TimeSpan.Zero), "ann", ["bob"]), // Sunday 23:30 in Rome
            Given(new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero), "ann", ["bob"], 5), // Monday 00:30 in Rome
            Given(new DateTimeOffset(2026, 9, 13, 21, 59, 0, TimeSpan.Zero), "ann", ["bob"]), // before the first week
            Given(new DateTimeOffset(2026, 9, 13, 22, 0, 0, TimeSpan.Zero), "ann", ["bob"], 7), // its first minute
        ]);

        Assert.Equal((1, 5), (view.Weeks[^1].Kudos, view.Weeks[^1].Points));
        Assert.Equal((1, 10), (view.Weeks[^2].Kudos, view.Weeks[^2].Points));
        Assert.Equal((1, 7), (view.Weeks[0].Kudos, view.Weeks[0].Points));
        Assert.Equal(3, view.Weeks.Sum(w => w.Kudos));
    }

    [Fact]
    public void CountsThePointsOfEveryRecipientAndAddOnAndLeavesUndoneKudosOut()
    {
        var withAddOn = Given(Now.AddDays(-1), "ann", ["bob", "cat"], 10, privately: ["cat"]) with
        {
            AddOns = [new KudosAddOn(new MemberId("dan"), 5, Now.AddHours(-20))],
        };
        var undone = Given(Now.AddHours(-2), "ann", ["bob"], 40) with { Withdrawn = true };

        var view = Build([withAddOn, undone]);

        // 10 to each of two recipients, and the add-on's 5 to the one public recipient.
        Assert.Equal((1, 25), (view.Weeks[^1].Kudos, view.Weeks[^1].Points));
    }

    [Fact]
    public void ParticipationIsTheShareOfPeopleStillHereWhoGaveAndWhoReceivedInThirtyDays()
    {
        var kudos = new[]
        {
            Given(Now.AddDays(-3), "ann", ["bob"]),
            Given(Now.AddDays(-5), "eve", ["cat"]),
            Given(Now.AddDays(-40), "dan", ["ann"]),
            Given(Now.AddDays(-2), "bob", ["ann"]) with { AddOns = [new KudosAddOn(new MemberId("cat"), 3, Now.AddDays(-1))] },
        };

        var p = Build(kudos, Person("ann"), Person("bob"), Person("cat"), Person("dan"), Person("eve", left: true)).Participation;

        // Eve left: she is neither among the people nor among those who gave. Dan gave 40 days ago. Cat gave an add-on.
        Assert.Equal((4, 3, 3, 30), (p.People, p.Gave, p.Received, p.Days));
        Assert.Equal(0.75, p.GaveShare);
        Assert.Equal(0, Build([]).Participation.GaveShare);
    }

    [Fact]
    public void ListsEveryWorkspaceValueThenRetiredOnesStillInUse()
    {
        var view = Build(
        [
            Given(Now.AddDays(-1), "ann", ["bob"], values: ["#teamwork"]),
            Given(Now.AddDays(-8), "ann", ["cat"], values: ["#teamwork", "#speed"]),
        ]);

        Assert.Equal([new ValueCount("#empathy", 0), new ValueCount("#teamwork", 2), new ValueCount("#speed", 1)], view.Values);
    }

    [Fact]
    public void ListsEveryKindOfConversationAndNamesOnlyPublicPlaces()
    {
        var otherChannel = new ConversationRef("19:night-shift", ConversationKind.Channel, "team-support");
        var slackChannel = new ConversationRef("C-general", ConversationKind.Channel);
        var privateChannel = new ConversationRef("19:managers", ConversationKind.PrivateChannel, "team-support");
        var dm = new ConversationRef("D1", ConversationKind.Direct);
        var view = Build(
        [
            Given(Now.AddDays(-1), "ann", ["bob"]),
            Given(Now.AddDays(-40), "ann", ["cat"], where: otherChannel),
            Given(Now.AddDays(-2), "bob", ["ann"], where: slackChannel),
            Given(Now.AddDays(-2), "bob", ["dan"], where: privateChannel),
            Given(Now.AddDays(-3), "cat", ["dan"], where: dm),
        ]);

        Assert.Equal(Enum.GetValues<ConversationKind>(), view.Kinds.Select(k => k.Kind));
        Assert.Equal(
            [(ConversationKind.Channel, 3), (ConversationKind.Group, 0), (ConversationKind.Direct, 1), (ConversationKind.PrivateChannel, 1)],
            view.Kinds.Select(k => (k.Kind, k.Kudos)));
        // Both Teams channels count for their team; the private channel and the DM are counted by kind only.
        Assert.Equal([new PlaceTotal("team-support", true, 2, 20, 2, 1), new PlaceTotal("C-general", false, 1, 10, 1, 1)], view.Places);
    }
}
