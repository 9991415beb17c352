using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Home;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Kudos.AddOn;
using RecognitionBot.Core.Kudos.Give;
using RecognitionBot.Core.Kudos.Undo;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Core.Deciders;

/// <summary>The rules of adding on and of undoing, decided on rows in memory, after a kudos the give decider made. No storage.</summary>
public sealed class TheAddOnAndUndoDeciders
{
    private static readonly WorkspaceId Acme = new(Platform.Slack, "T1");
    private static readonly MemberId Ann = new("ann");
    private static readonly MemberId Bob = new("bob");
    private static readonly MemberId Cat = new("cat");
    private static readonly MemberId Dan = new("dan");
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly WorkspaceSettings Defaults = new();
    private static readonly PostedCelebration Posted = new(new PostedMessage("C1", "1700.1"), []);

    /// <summary>Ann gives Bob 10 points (Bob had 95 earned): the rows as the ledger would store them.</summary>
    private static GiveDecision Given(bool isPrivate = false)
    {
        var request = new GiveRequest(Acme, Ann, [Bob], 10, "thanks for the save", ["#empathy"], new ConversationRef("C1", ConversationKind.Channel),
            isPrivate, new ToConversation("C1"), "d1", Defaults);
        var bob = MemberRow.New(Bob) with { Earned = 95, KudosReceived = 3 };
        return GiveDecider.Decide(new GiveState(MemberRow.New(Ann), [bob], "k1"), request, Defaults, Now).Decision!;
    }

    private static AddOnRequest AddOn(MemberId who, int points) => new(Acme, who, "ref", points, null, "d2", Defaults);

    private static Decided<AddOnDecision> DecideAddOn(GiveDecision given, MemberId who, int points, MemberRow? adder = null) =>
        AddOnDecider.Decide(new AddOnState(given.Kudos, Posted, adder ?? MemberRow.New(who), given.Recipients), AddOn(who, points), Defaults,
            Now.AddSeconds(5));

    private static Decided<UndoDecision> DecideUndo(GiveDecision given, MemberId who, DateTimeOffset at, IReadOnlyList<string>? unsent = null,
        Kudos? kudos = null, IReadOnlyList<MemberRow>? recipients = null) =>
        UndoDecider.Decide(new UndoState(kudos ?? given.Kudos, Posted, [new PostedNotice(Bob, new PostedMessage("DBOB", "1700.2"))], unsent ?? [],
            given.Giver, recipients ?? given.Recipients), new UndoRequest(Acme, who, "ref", "d3", Defaults), Defaults, at);

    [Fact]
    public void AThirdPersonAddsFromTheirOwnAllowanceAndTheCelebrationIsRedrawnWithIt()
    {
        var given = Given();

        var d = DecideAddOn(given, Cat, 5).Decision!;

        Assert.Equal(5, d.Adder.AllowanceUsed);
        Assert.Equal(110, d.Recipients.Single().Earned);
        Assert.Equal(given.Recipients[0].KudosReceived, d.Recipients.Single().KudosReceived);
        Assert.Equal([new KudosAddOn(Cat, 5, Now.AddSeconds(5))], d.Kudos.AddOns);
        Assert.Equal(15, d.Kudos.PointsWithAddOns);
        var redraw = Assert.Single(d.Posts, p => p.Target is ToExistingMessage);
        Assert.Equal(Posted.Message, ((ToExistingMessage)redraw.Target).Message);
        Assert.Equal(d.Kudos, ((CelebrationPost)redraw.Post).Kudos);
        var dm = Assert.Single(d.Posts, p => p.Post is AddOnReceivedPost);
        Assert.Equal(new ToMember(Bob), dm.Target);
        Assert.Equal(95, d.Result.Allowance.Left);
    }

    [Fact]
    public void TheGiverAndTheRecipientsCannotAddOn()
    {
        var given = Given();

        Assert.Equal(new Refused(Refusal.AddOnOwnKudos), DecideAddOn(given, Ann, 5).Refusal);
        Assert.Equal(new Refused(Refusal.AddOnRecipient), DecideAddOn(given, Bob, 5).Refusal);
    }

    [Fact]
    public void EveryRuleOfGivingAppliesToWhatIsAdded()
    {
        var given = Given();
        var spent = MemberRow.New(Cat) with { AllowancePeriod = "2026-11", AllowanceUsed = 97 };
        var capped = MemberRow.New(Dan) with { GivenTodayDay = "20261127", GivenToday = new Dictionary<string, int> { ["bob"] = 48 } };

        Assert.Equal(new Refused(Refusal.AllowanceExceeded, "3"), DecideAddOn(given, Cat, 5, spent).Refusal);
        Assert.Equal(new Refused(Refusal.PairCapReached, "bob|2"), DecideAddOn(given, Dan, 5, capped).Refusal);
        Assert.Equal(new Refused(Refusal.PointsOutOfRange, "100"), DecideAddOn(given, Cat, 0).Refusal);
        Assert.Equal(new Refused(Refusal.PointsOutOfRange, "100"), DecideAddOn(given, Cat, 101).Refusal);
    }

    [Fact]
    public void OnePersonAddsOnceAndNeverToAPrivateOrWithdrawnKudos()
    {
        var given = Given();
        var once = DecideAddOn(given, Cat, 5).Decision!;

        Assert.Equal(new Refused(Refusal.AlreadyAddedOn), DecideAddOn(given with { Kudos = once.Kudos }, Cat, 1).Refusal);
        Assert.Equal(new Refused(Refusal.AddOnPrivate), DecideAddOn(Given(isPrivate: true), Cat, 5).Refusal);
        Assert.Equal(new Refused(Refusal.KudosWithdrawn), DecideAddOn(given with { Kudos = given.Kudos with { Withdrawn = true } }, Cat, 5).Refusal);
    }

    [Fact]
    public void AnAddOnOrAnUndoChangesTheHomesOfEveryoneItMoved()
    {
        var given = Given();

        Assert.Equal([Cat, Bob], HomeChanges.For(Cat, DecideAddOn(given, Cat, 5).Decision!.Result));
        Assert.Equal([Ann, Bob], HomeChanges.For(Ann, DecideUndo(given, Ann, Now.AddSeconds(10)).Decision!.Result));
        Assert.Empty(HomeChanges.For(Ann, DecideAddOn(given, Ann, 5).Refusal!));
    }

    [Fact]
    public void ALeaverNeitherAddsOnNorReceivesAnAddOn()
    {
        var given = Given();

        Assert.Equal(new Refused(Refusal.Leaver, "cat"), DecideAddOn(given, Cat, 5, adder: MemberRow.New(Cat) with { LeftAt = Now }).Refusal);
        var left = given with { Recipients = [.. given.Recipients.Select(r => r with { LeftAt = Now })] };
        Assert.Equal(new Refused(Refusal.LeaverRecipient, "bob"), DecideAddOn(left, Cat, 5).Refusal);
        Assert.NotNull(DecideAddOn(given, Cat, 5).Decision);
    }

    [Fact]
    public void UndoWithinTheWindowReversesPointsAllowanceAndCapAndMarksThePostsWithdrawn()
    {
        var given = Given();

        var d = DecideUndo(given, Ann, Now.AddSeconds(59), unsent: ["outbox|1|x"]).Decision!;

        Assert.Equal(0, d.Giver.AllowanceUsed);
        Assert.Equal(0, d.Giver.GivenToday["bob"]);
        var bob = d.Recipients.Single();
        Assert.Equal(95, bob.Earned);
        Assert.Equal(105, bob.EarnedPeak);
        Assert.Equal(given.Recipients[0].KudosReceived, bob.KudosReceived);
        Assert.Equal(0, bob.PublicKudosReceived);
        Assert.Equal(0, bob.ValueCounts["#empathy"]);
        Assert.True(d.Kudos.Withdrawn);
        Assert.Equal(["outbox|1|x"], d.Drop);
        Assert.All(d.Posts, p => Assert.IsType<ToExistingMessage>(p.Target));
        Assert.Equal(2, d.Posts.Count);
        Assert.Contains(d.History, h => h.Member == Bob && h.Movement.Kind == MovementKind.Withdrawn && h.Movement.Points == 10);
        Assert.Contains(d.History, h => h.Member == Ann && h.Movement.Kind == MovementKind.Refunded && h.Movement.Points == 10);
        Assert.Equal(100, d.Result.Allowance.Left);
    }

    [Fact]
    public void AMilestoneCelebratedBeforeAnUndoIsNotCelebratedAgain()
    {
        var given = Given();
        Assert.Contains(given.Result.Recipients[0].Milestones, m => m.Kind == MilestoneKind.HundredPoints);
        var undone = DecideUndo(given, Ann, Now.AddSeconds(10)).Decision!;

        Assert.DoesNotContain(Milestones.Reached(undone.Recipients[0], 10), m => m.Kind == MilestoneKind.HundredPoints);
        Assert.Contains(Milestones.Reached(undone.Recipients[0], 106), m => m.Kind == MilestoneKind.HundredPoints);
    }

    [Fact]
    public void UndoIsRefusedAfterTheWindowToOthersAfterAddOnsAndOncePointsAreSpent()
    {
        var given = Given();

        Assert.Equal(new Refused(Refusal.UndoWindowClosed, "60"), DecideUndo(given, Ann, Now.AddSeconds(61)).Refusal);
        Assert.Equal(new Refused(Refusal.NotGiver), DecideUndo(given, Cat, Now.AddSeconds(5)).Refusal);
        var added = DecideAddOn(given, Cat, 5).Decision!;
        Assert.Equal(new Refused(Refusal.UndoAfterAddOns), DecideUndo(given, Ann, Now.AddSeconds(5), kudos: added.Kudos).Refusal);
        var held = given.Recipients[0] with { Held = 100 };
        Assert.Equal(new Refused(Refusal.UndoPointsSpent, "bob"), DecideUndo(given, Ann, Now.AddSeconds(5), recipients: [held]).Refusal);
        Assert.Equal(new Refused(Refusal.KudosWithdrawn),
            DecideUndo(given, Ann, Now.AddSeconds(5), kudos: given.Kudos with { Withdrawn = true }).Refusal);
    }

    [Fact]
    public void AButtonsKudosReferenceFindsTheKudosAgainAndRefusesAnythingElse()
    {
        var k = Given().Kudos;

        Assert.True(KudosRef.TryParse(k.Ref, out var at, out var id));
        Assert.Equal((k.GivenAt, k.Id), (at, id));
        Assert.False(KudosRef.TryParse("nonsense", out _, out _));
        Assert.False(KudosRef.TryParse("123.ab|c", out _, out _));
        Assert.False(KudosRef.TryParse("99999999999999999999.k1", out _, out _));
    }
}
