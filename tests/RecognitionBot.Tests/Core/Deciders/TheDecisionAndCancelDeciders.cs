using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Rewards.Cancel;
using RecognitionBot.Core.Rewards.Decide;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Core.Deciders;

/// <summary>Approving, rejecting and cancelling a redemption, decided on rows in memory: who may, and what it changes. No storage.</summary>
public sealed class TheDecisionAndCancelDeciders
{
    private static readonly WorkspaceId Acme = new(Platform.Slack, "T1");
    private static readonly MemberId Ann = new("ann");
    private static readonly MemberId Mia = new("mia");
    private static readonly MemberId Sam = new("sam");
    private static readonly DateTimeOffset Requested = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Requested.AddHours(2);
    private static readonly WorkspaceSettings Defaults = new();
    private static readonly PostedMessage Card = new("D-mia", "m1", "it");

    private static readonly Redemption Pending =
        new("r1", Ann, "voucher", "Coffee voucher", 50, RedemptionState.Pending, [Mia], Requested, ApprovalMessages: [Card]);

    private static CloseState State(Redemption? redemption = null, MemberRow? requester = null, int? thisMonth = 1) => new(
        new RedemptionRow(redemption ?? Pending, "2026-11"),
        requester ?? MemberRow.New(Ann) with { Earned = 80, Held = 50 },
        new Reward("voucher", "Coffee voucher", 50, 3, 1, true, 2),
        thisMonth);

    private static DecideRequest Decide(MemberId decider, bool approve = true, string? reason = null) =>
        new(Acme, decider, "r1", approve, reason, "d1", Defaults);

    [Fact]
    public void AnApproverTurnsTheHoldIntoSpendingAndTakesOneFromStock()
    {
        var d = DecisionDecider.Decide(State(), Decide(Mia), Defaults, Now).Decision!;

        Assert.Equal((0, 50), (d.Requester.Held, d.Requester.Spent));
        Assert.Equal((2, 0), (d.Reward!.Stock, d.Reward.Reserved));
        Assert.Null(d.RedeemedThatMonth);
        Assert.Equal((RedemptionState.Approved, Mia, Now), (d.Redemption.Redemption.State, d.Redemption.Redemption.DecidedBy, d.Redemption.Redemption.DecidedAt));
        Assert.Equal(new HistoryRow(Ann, new Movement(Now, MovementKind.Spent, 50, "r1", Mia, "Coffee voucher")), d.History);
        Assert.Equal(new AuditEntry(Now, Mia, AuditAction.Approved, "ann", "Pending", "Approved", "Coffee voucher (r1)"), d.Audit);
        Assert.Equal(RedemptionChange.Approved, d.Result.Change);
        // The card is redrawn in its own language, the requester hears in theirs.
        Assert.Collection(d.Posts,
            p => Assert.Equal((new ToExistingMessage(Card) as PostTarget, "it"), (p.Target, Assert.IsType<ApprovalUpdatePost>(p.Post).Locale)),
            p => Assert.Equal(new ToMember(Ann), Assert.IsType<ToMember>(p.Target)));
    }

    [Fact]
    public void ARejectionReleasesTheHoldAndGivesTheMonthlyCountBack()
    {
        var d = DecisionDecider.Decide(State(), Decide(Mia, approve: false, reason: "  not this month "), Defaults, Now).Decision!;

        Assert.Equal((0, 0, 80), (d.Requester.Held, d.Requester.Spent, d.Result.RequesterAvailable));
        Assert.Equal((3, 0), (d.Reward!.Stock, d.Reward.Reserved));
        Assert.Equal(0, d.RedeemedThatMonth);
        Assert.Equal("not this month", d.Redemption.Redemption.Reason);
        Assert.Equal(MovementKind.Released, d.History.Movement.Kind);
        Assert.Equal("Coffee voucher (r1): not this month", d.Audit!.Note);
    }

    [Fact]
    public void AWorkspaceApproverMayDecideToo()
    {
        Assert.NotNull(DecisionDecider.Decide(State(), Decide(Sam), Defaults with { Approvers = [Sam] }, Now).Decision);
        Assert.Equal(new Refused(Refusal.NotApprover), DecisionDecider.Decide(State(), Decide(Sam), Defaults, Now).Refusal);
    }

    [Fact]
    public void RefusesTheRequesterDecidingTheirOwnRequest()
    {
        var own = Pending with { Approvers = [Ann] };

        Assert.Equal(new Refused(Refusal.SelfApproval), DecisionDecider.Decide(State(own), Decide(Ann), Defaults with { Approvers = [Ann] }, Now).Refusal);
    }

    [Fact]
    public void RefusesAnAdminWhoMappedThemselvesAsTheRequestersManager()
    {
        var mappedByMia = MemberRow.New(Ann) with { Earned = 80, Held = 50, Manager = Mia, ManagerSetBy = Mia };
        var mappedBySam = mappedByMia with { ManagerSetBy = Sam };

        Assert.NotNull(DecisionDecider.Decide(State(requester: mappedBySam), Decide(Mia), Defaults, Now).Decision);
        Assert.Equal(new Refused(Refusal.SelfMappedApprover, "ann"), DecisionDecider.Decide(State(requester: mappedByMia), Decide(Mia), Defaults, Now).Refusal);
    }

    [Fact]
    public void ShowsARequestAlreadyDecidedAsItStandsAndChangesNothing()
    {
        var approved = Pending with { State = RedemptionState.Approved, DecidedBy = Sam, DecidedAt = Requested.AddHours(1) };

        var decided = DecisionDecider.Decide(State(approved, MemberRow.New(Ann) with { Earned = 80, Spent = 50 }), Decide(Mia, approve: false), Defaults, Now);

        Assert.Null(decided.Decision);
        Assert.Equal(new RedemptionView(approved, RedemptionChange.Unchanged, 30), decided.Answer);
    }

    [Fact]
    public void RefusesARedemptionThatDoesNotExist() =>
        Assert.Equal(new Refused(Refusal.UnknownRedemption, "r1"), DecisionDecider.Decide(new CloseState(null, null, null, null), Decide(Mia), Defaults, Now).Refusal);

    [Fact]
    public void TheRequesterCancelsAPendingRequestAndNobodyIsNotifiedButTheCards()
    {
        var d = CancelDecider.Decide(State(), new CancelRedemptionCommand("r1"), Ann, Defaults, Now).Decision!;

        Assert.Equal((0, 0), (d.Requester.Held, d.Requester.Spent));
        Assert.Equal(0, d.RedeemedThatMonth);
        Assert.Equal(RedemptionState.Cancelled, d.Redemption.Redemption.State);
        Assert.Null(d.Audit);
        Assert.Equal(new ToExistingMessage(Card), Assert.Single(d.Posts).Target);
        Assert.Equal(RedemptionChange.Cancelled, d.Result.Change);
    }

    [Fact]
    public void LeavesAMonthlyCountThatIsAlreadyZeroAlone() =>
        Assert.Null(CancelDecider.Decide(State(thisMonth: null), new CancelRedemptionCommand("r1"), Ann, Defaults, Now).Decision!.RedeemedThatMonth);

    [Fact]
    public void RefusesACancelBySomeoneElse()
    {
        Assert.Equal(new Refused(Refusal.NotRequester), CancelDecider.Decide(State(), new CancelRedemptionCommand("r1"), Mia, Defaults, Now).Refusal);
    }

    [Fact]
    public void ShowsARequestDecidedBeforeTheCancelAsItStands()
    {
        var rejected = Pending with { State = RedemptionState.Rejected, DecidedBy = Mia, DecidedAt = Requested.AddHours(1) };

        var decided = CancelDecider.Decide(State(rejected, MemberRow.New(Ann) with { Earned = 80 }), new CancelRedemptionCommand("r1"), Ann, Defaults, Now);

        Assert.Null(decided.Decision);
        Assert.Equal(new RedemptionView(rejected, RedemptionChange.Unchanged, 80), decided.Answer);
    }
}
