using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos.Give;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Members.Leavers;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Rewards.Redeem;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Core.Deciders;

/// <summary>Leaving, decided on rows in memory: the mark, the leaver's requests cancelled, requests waiting on them re-routed. No storage.</summary>
public sealed class TheLeaverDecider
{
    private static readonly WorkspaceId Acme = new(Platform.Slack, "T1");
    private static readonly MemberId Ann = new("ann");
    private static readonly MemberId Bob = new("bob");
    private static readonly MemberId Mia = new("mia");
    private static readonly MemberId Sam = new("sam");
    private static readonly MemberId Zoe = new("zoe");
    private static readonly DateTimeOffset Requested = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Requested.AddHours(2);
    private static readonly WorkspaceSettings Settings = new() { Approvers = [Sam, Zoe, Ann], DefaultLocale = "sv" };
    private static readonly PostedMessage Card = new("D-mia", "m1", "it");

    private static readonly Redemption Pending =
        new("r1", Ann, "voucher", "Coffee voucher", 50, RedemptionState.Pending, [Mia], Requested, ApprovalMessages: [Card]);

    private static CloseState Close(Redemption? redemption = null) => new(
        new RedemptionRow(redemption ?? Pending, "2026-11"), MemberRow.New(Ann) with { Earned = 80, Held = 50 },
        new Reward("voucher", "Coffee voucher", 50, 3, 1, true, 2), 1);

    private static RerouteState Reroute(Redemption? redemption = null, params MemberRow[] approvers) => new(
        new RedemptionRow(redemption ?? Pending, "2026-11"), MemberRow.New(Ann) with { Earned = 80, Held = 50, Locale = "en-GB" },
        approvers.Length > 0 ? approvers : [MemberRow.New(Sam) with { Locale = "it-IT" }, MemberRow.New(Zoe)]);

    [Fact]
    public void MarkingSetsWhenTheyLeftWithAnAuditLine()
    {
        var d = LeaverDecider.Mark(MemberRow.New(Ann) with { Earned = 30 }, left: true, Now).Decision!;

        Assert.Equal((Now, 30), (d.Member.LeftAt, d.Member.Earned));
        Assert.Equal(new AuditEntry(Now, Ann, AuditAction.MemberLeft, "ann", "member", "left"), d.Audit);
        Assert.Equal(new LeaverMarked(Ann, true, true), d.Result);
    }

    [Fact]
    public void MarkingTwiceOrLiftingSomeoneWhoNeverLeftChangesNothing()
    {
        var left = MemberRow.New(Ann) with { LeftAt = Requested };

        Assert.Equal(new LeaverMarked(Ann, true, false), LeaverDecider.Mark(left, left: true, Now).Answer);
        Assert.Equal(new LeaverMarked(Ann, false, false), LeaverDecider.Mark(MemberRow.New(Ann), left: false, Now).Answer);
        Assert.Null(LeaverDecider.Mark(left, left: false, Now).Decision!.Member.LeftAt);
    }

    [Fact]
    public void ALeaversRequestIsCancelledWithTheHoldAndStockBackAndTheCardsRedrawnButNoNotice()
    {
        var d = LeaverDecider.CancelRequest(Close(), Ann, Settings, Now).Decision!;

        Assert.Equal((0, 0), (d.Requester.Held, d.Requester.Spent));
        Assert.Equal((3, 0), (d.Reward!.Stock, d.Reward.Reserved));
        Assert.Equal(0, d.RedeemedThatMonth);
        Assert.Equal((RedemptionState.Cancelled, Ann), (d.Redemption.Redemption.State, d.Redemption.Redemption.DecidedBy));
        var post = Assert.Single(d.Posts);
        Assert.Equal(new ToExistingMessage(Card), post.Target);
        Assert.Equal(RedemptionState.Cancelled, Assert.IsType<ApprovalUpdatePost>(post.Post).Redemption.State);
    }

    [Theory]
    [InlineData(RedemptionState.Approved)]
    [InlineData(RedemptionState.Rejected)]
    [InlineData(RedemptionState.Cancelled)]
    public void ARequestDecidedMeanwhileStaysAsItIs(RedemptionState state)
    {
        var decided = LeaverDecider.CancelRequest(Close(Pending with { State = state }), Ann, Settings, Now);

        Assert.Null(decided.Decision);
        Assert.Equal(RedemptionChange.Unchanged, Assert.IsType<RedemptionView>(decided.Answer).Change);
    }

    [Fact]
    public void SomeoneElsesRequestIsNotCancelled() => Assert.Null(LeaverDecider.CancelRequest(Close(), Bob, Settings, Now).Decision);

    [Fact]
    public void ARequestWaitingOnTheLeaverGoesToTheWorkspaceApproversButNeverTheRequester()
    {
        var d = LeaverDecider.Reroute(Reroute(), Mia, Settings, Now).Decision!;

        Assert.Equal([Sam, Zoe], d.Redemption.Redemption.Approvers);
        Assert.Equal([Sam, Zoe], d.Added);
        Assert.Collection(d.Posts,
            p => Assert.Equal((new ToMember(Sam) as PostTarget, "it-IT"), (p.Target, Assert.IsType<ApprovalRequestPost>(p.Post).Locale)),
            p => Assert.Equal((new ToMember(Zoe) as PostTarget, "sv"), (p.Target, Assert.IsType<ApprovalRequestPost>(p.Post).Locale)),
            p =>
            {
                Assert.Equal(new ToMember(Ann), p.Target);
                var notice = Assert.IsType<UndeliveredPost>(p.Post);
                Assert.Equal((UndeliveredReason.ApprovalRerouted, Mia, "en-GB"), (notice.Reason, notice.Unreachable, notice.Locale));
            });
        Assert.Equal(RedemptionState.Pending, d.Redemption.Redemption.State);
    }

    [Fact]
    public void ApproversWhoLeftTooAreSkippedAndWithNobodyLeftTheRequesterIsTold()
    {
        var d = LeaverDecider.Reroute(Reroute(null, MemberRow.New(Sam) with { LeftAt = Requested }, MemberRow.New(Zoe) with { LeftAt = Requested }),
            Mia, Settings, Now).Decision!;

        Assert.Empty(d.Redemption.Redemption.Approvers);
        var notice = Assert.IsType<UndeliveredPost>(Assert.Single(d.Posts).Post);
        Assert.Equal(UndeliveredReason.ApprovalUnreachable, notice.Reason);
    }

    [Fact]
    public void AnotherApproverStillAskedKeepsTheRequestWithoutNewCardsWhenNoWorkspaceApproverIsLeft()
    {
        var d = LeaverDecider.Reroute(Reroute(Pending with { Approvers = [Mia, Bob] }), Mia, new WorkspaceSettings(), Now).Decision!;

        Assert.Equal([Bob], d.Redemption.Redemption.Approvers);
        Assert.Empty(d.Posts);
    }

    [Fact]
    public void ARequestNotWaitingOnTheLeaverIsLeftAlone()
    {
        Assert.Null(LeaverDecider.Reroute(Reroute(), Bob, Settings, Now).Decision);
        Assert.Null(LeaverDecider.Reroute(Reroute(Pending with { State = RedemptionState.Approved }), Mia, Settings, Now).Decision);
    }

    [Fact]
    public void ALeaverCanNeitherGiveNorReceiveNorRedeem()
    {
        var giver = MemberRow.New(Bob);
        var leaver = MemberRow.New(Ann) with { LeftAt = Requested };
        GiveRequest Give(MemberId from, MemberId to) =>
            new(Acme, from, [to], 10, "thanks a lot", [], new ConversationRef("C1", ConversationKind.Channel), false, null, null, Settings);

        Assert.Equal(new Refused(Refusal.LeaverRecipient, "ann"),
            GiveDecider.Decide(new GiveState(giver, [leaver], "k1"), Give(Bob, Ann), Settings, Now).Refusal);
        Assert.Equal(new Refused(Refusal.Leaver, "ann"), GiveDecider.Decide(new GiveState(leaver, [giver], "k1"), Give(Ann, Bob), Settings, Now).Refusal);
        var reward = new Reward("voucher", "Coffee voucher", 50, null, 0, true, null);
        var redeem = new RedeemRequest(Acme, Ann, "voucher", null, Settings, [Mia]);
        Assert.Equal(new Refused(Refusal.Leaver, "ann"),
            RedeemDecider.Decide(new RedeemState(reward, leaver with { Earned = 100 }, 0, [], "r2"), redeem, Settings, Now).Refusal);
    }
}
