using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Kudos.Give;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Core.Deciders;

/// <summary>The stateful rules of giving, decided on rows in memory: allowance, pair cap, milestones, who hears. No storage.</summary>
public sealed class TheGiveDecider
{
    private static readonly WorkspaceId Acme = new(Platform.Slack, "T1");
    private static readonly MemberId Ann = new("ann");
    private static readonly MemberId Bob = new("bob");
    private static readonly MemberId Cat = new("cat");
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly WorkspaceSettings Defaults = new();
    private static readonly ToConversation Channel = new("C1");

    private static GiveRequest Give(int points, params MemberId[] to) =>
        new(Acme, Ann, to, points, "thanks for the save", ["#empathy"], new ConversationRef("C1", ConversationKind.Channel), false, Channel, "d1", Defaults);

    private static GiveState State(MemberRow giver, params MemberRow[] recipients) => new(giver, recipients, "k1");

    private static MemberRow Fresh(MemberId member) => MemberRow.New(member);

    [Fact]
    public void GivesWithinTheAllowanceAndRefusesBeyondIt()
    {
        var giver = Fresh(Ann) with { AllowancePeriod = "2026-11", AllowanceUsed = 90 };

        var given = GiveDecider.Decide(State(giver, Fresh(Bob)), Give(10, Bob), Defaults, Now).Decision!;
        Assert.Equal(100, given.Giver.AllowanceUsed);
        Assert.Equal(0, given.Result.Allowance.Left);

        var refused = GiveDecider.Decide(State(giver, Fresh(Bob)), Give(11, Bob), Defaults, Now);
        Assert.Null(refused.Decision);
        Assert.Equal(new Refused(Refusal.AllowanceExceeded, "10"), refused.Refusal);
    }

    [Fact]
    public void RefusesTheGiverAsTheirOwnRecipient()
    {
        Assert.NotNull(GiveDecider.Decide(State(Fresh(Ann), Fresh(Bob)), Give(10, Bob), Defaults, Now).Decision);
        Assert.Equal(new Refused(Refusal.SelfKudos), GiveDecider.Decide(State(Fresh(Ann), Fresh(Ann)), Give(10, Ann), Defaults, Now).Refusal);
    }

    [Fact]
    public void CountsTheAllowanceOfAnEarlierPeriodAsUnused()
    {
        var lastMonth = Fresh(Ann) with { AllowancePeriod = "2026-10", AllowanceUsed = 100 };

        var given = GiveDecider.Decide(State(lastMonth, Fresh(Bob), Fresh(Cat)), Give(50, Bob, Cat), Defaults, Now).Decision!;

        Assert.Equal("2026-11", given.Giver.AllowancePeriod);
        Assert.Equal(100, given.Giver.AllowanceUsed);
        Assert.Equal(new AllowanceView(100, 100, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)), given.Result.Allowance);
    }

    [Fact]
    public void CountsAManagersOwnAllowance()
    {
        var manager = Fresh(Ann) with { IsManager = true, AllowancePeriod = "2026-11", AllowanceUsed = 450 };

        Assert.NotNull(GiveDecider.Decide(State(manager, Fresh(Bob)), Give(50, Bob), Defaults, Now).Decision);
        Assert.Equal(new Refused(Refusal.AllowanceExceeded, "50"), GiveDecider.Decide(State(manager, Fresh(Bob)), Give(51, Bob), Defaults, Now).Refusal);
    }

    [Fact]
    public void CountsEveryRecipientAgainstTheAllowance()
    {
        var giver = Fresh(Ann) with { AllowancePeriod = "2026-11", AllowanceUsed = 50 };

        Assert.NotNull(GiveDecider.Decide(State(giver, Fresh(Bob), Fresh(Cat)), Give(25, Bob, Cat), Defaults, Now).Decision);
        Assert.Equal(Refusal.AllowanceExceeded, GiveDecider.Decide(State(giver, Fresh(Bob), Fresh(Cat)), Give(26, Bob, Cat), Defaults, Now).Refusal?.Reason);
    }

    [Fact]
    public void KeepsEachPairWithinTheDailyCap()
    {
        var giver = Fresh(Ann) with { GivenTodayDay = "20261127", GivenToday = new Dictionary<string, int> { ["bob"] = 45 } };

        var given = GiveDecider.Decide(State(giver, Fresh(Bob)), Give(5, Bob), Defaults, Now).Decision!;
        Assert.Equal(50, given.Giver.GivenToday["bob"]);

        Assert.Equal(new Refused(Refusal.PairCapReached, "bob|5"), GiveDecider.Decide(State(giver, Fresh(Bob)), Give(6, Bob), Defaults, Now).Refusal);
        // The cap is per pair: another recipient is not held back by what Bob got.
        Assert.NotNull(GiveDecider.Decide(State(giver, Fresh(Cat)), Give(50, Cat), Defaults, Now).Decision);
    }

    [Fact]
    public void StartsThePairCapAfreshOnTheNextLocalDay()
    {
        var yesterday = Fresh(Ann) with { GivenTodayDay = "20261126", GivenToday = new Dictionary<string, int> { ["bob"] = 50 } };

        var given = GiveDecider.Decide(State(yesterday, Fresh(Bob)), Give(50, Bob), Defaults, Now).Decision!;

        Assert.Equal("20261127", given.Giver.GivenTodayDay);
        Assert.Equal(new Dictionary<string, int> { ["bob"] = 50 }, given.Giver.GivenToday);
    }

    [Fact]
    public void ReachesTheFirstKudosAndEveryHundredPointsMilestone()
    {
        var newcomer = Fresh(Bob);
        var nearly = Fresh(Cat) with { Earned = 95, KudosReceived = 4 };

        var given = GiveDecider.Decide(State(Fresh(Ann), newcomer, nearly), Give(10, Bob, Cat), Defaults, Now).Decision!;

        Assert.Equal([new Milestone(Bob, MilestoneKind.FirstKudos, 0)], given.Result.Recipients[0].Milestones);
        Assert.Equal([new Milestone(Cat, MilestoneKind.HundredPoints, 100)], given.Result.Recipients[1].Milestones);
        Assert.Equal([Bob], given.Kudos.FirstTimeRecipients);
        var celebration = Assert.IsType<CelebrationPost>(given.Posts[0].Post);
        Assert.Equal(2, celebration.Milestones.Count);
    }

    [Fact]
    public void ReachesNoMilestoneBelowTheNextHundred()
    {
        var regular = Fresh(Bob) with { Earned = 80, KudosReceived = 3 };

        var given = GiveDecider.Decide(State(Fresh(Ann), regular), Give(19, Bob), Defaults, Now).Decision!;

        Assert.Empty(given.Result.Recipients[0].Milestones);
        Assert.Equal(99, given.Recipients[0].Earned);
        Assert.Equal(4, given.Recipients[0].KudosReceived);
    }

    [Fact]
    public void WritesTheRecipientsPointsAndBothSidesOfTheHistory()
    {
        var bob = Fresh(Bob) with { Earned = 20, Spent = 5, Held = 5, ValueCounts = new Dictionary<string, int> { ["#empathy"] = 1 } };

        var given = GiveDecider.Decide(State(Fresh(Ann), bob), Give(10, Bob), Defaults, Now).Decision!;

        var after = given.Recipients[0];
        Assert.Equal((30, 1, 10, 2), (after.Earned, after.PublicKudosReceived, after.PublicPointsReceived, after.ValueCounts["#empathy"]));
        Assert.Equal(20, given.Result.Recipients[0].Available);
        Assert.Equal(
            [
                new HistoryRow(Bob, new Movement(Now, MovementKind.Received, 10, "k1", Ann, "thanks for the save")),
                new HistoryRow(Ann, new Movement(Now, MovementKind.Given, 10, "k1", Bob, "thanks for the save")),
            ],
            given.History);
    }

    [Fact]
    public void KeepsAPrivateRecipientOutOfTheCelebrationButTellsThemEvenWithDirectMessagesOff()
    {
        var shy = Fresh(Bob) with { PrivateCelebrations = true, DirectMessagesOff = true };
        var quiet = Fresh(Cat) with { DirectMessagesOff = true };

        var given = GiveDecider.Decide(State(Fresh(Ann), shy, quiet), Give(10, Bob, Cat), Defaults, Now).Decision!;

        Assert.Equal([Cat], given.Kudos.PublicRecipients);
        Assert.Equal([Bob], given.Kudos.PrivateRecipients);
        Assert.Equal(0, given.Recipients[0].PublicKudosReceived);
        Assert.Collection(given.Posts,
            p => Assert.Equal(Channel, p.Target),
            p => Assert.Equal((new ToMember(Bob) as PostTarget, Bob), (p.Target, Assert.IsType<KudosReceivedPost>(p.Post).Recipient)));
    }

    [Fact]
    public void PostsEachDirectMessageInTheRecipientsLanguage()
    {
        var italian = Fresh(Bob) with { Locale = "it" };

        var given = GiveDecider.Decide(State(Fresh(Ann), italian, Fresh(Cat)), Give(10, Bob, Cat), Defaults with { DefaultLocale = "sv" }, Now).Decision!;

        Assert.Equal(["sv", "it", "sv"], given.Posts.Select(p => p.Post.Locale));
    }

    [Fact]
    public void RemembersTheGiversLanguageOnTheRowItWritesAnyway()
    {
        var request = Give(10, Bob) with { GiverLocale = "it" };

        Assert.Equal("it", GiveDecider.Decide(State(Fresh(Ann) with { Locale = "en" }, Fresh(Bob)), request, Defaults, Now).Decision!.Giver.Locale);
        Assert.Equal("en", GiveDecider.Decide(State(Fresh(Ann) with { Locale = "en" }, Fresh(Bob)), Give(10, Bob), Defaults, Now).Decision!.Giver.Locale);
    }
}
