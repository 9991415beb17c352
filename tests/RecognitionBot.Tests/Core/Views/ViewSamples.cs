using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Core.Views;

/// <summary>One result or post of every kind, with awkward typed words in it, for the view tests.</summary>
internal static class ViewSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);
    public static readonly WorkspaceId Ws = new(Platform.Slack, "T1");
    public static readonly MemberId Ann = new("U0001"), Bob = new("U0002"), Mia = new("U0007");
    public const string Typed = "*bold* <!here> {0} _x_";

    public static ViewText In(string locale) => new(Texts.For(locale), TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"));

    public static Kudos Kudos(bool isPrivate = false) =>
        new("k1", Ws, Ann, [Bob, Mia], 10, "thanks " + Typed, ["#empathy"], new ConversationRef("C1", ConversationKind.Channel), Now,
            isPrivate, PrivateRecipients: [Mia], FirstTimeRecipients: [Bob]);

    /// <summary>A customer's compliment from a helpdesk, with points from the company budget.</summary>
    public static Kudos CustomerKudos() => Kudos() with
    {
        Giver = CustomerCompliment.Giver,
        Recipients = [Bob],
        PrivateRecipients = [],
        Points = 5,
        Customer = new CustomerCompliment("i1", "zendesk " + Typed, "208", "https://acme.zendesk.com/agent/tickets/208",
            RecognitionBot.Core.Integrations.ContactChannel.Phone, 5),
    };

    public static Redemption Pending => new("r1", Bob, "coffee", "Coffee " + Typed, 30, RedemptionState.Pending, [Mia], Now.AddHours(-1));

    public static Redemption In(RedemptionState state) => state == RedemptionState.Pending ? Pending
        : Pending with { State = state, DecidedBy = Mia, DecidedAt = Now, Reason = state == RedemptionState.Rejected ? "no budget " + Typed : null };

    public static TheoryData<string> ResultKinds => new(Results.Keys);

    public static TheoryData<string> PostKinds => new(Posts.Keys);

    public static readonly Dictionary<string, CommandResult> Results = new()
    {
        ["not understood"] = new NotUnderstood(ParseError.UnknownOption, Typed),
        ["refused"] = new Refused(Refusal.AllowanceExceeded, "5"),
        ["given"] = new KudosGiven(Kudos(), [new RecipientOutcome(Bob, 10, 10, [])], new AllowanceView(100, 20, Now.AddDays(4))),
        ["added on"] = new AddOnGiven(Kudos() with { AddOns = [new KudosAddOn(Mia, 5, Now)] }, 5, new AllowanceView(100, 25, Now.AddDays(4))),
        ["undone"] = new KudosUndone(Kudos() with { Withdrawn = true }, new AllowanceView(100, 10, Now.AddDays(4))),
        ["balance"] = new BalanceView(Ann, new AllowanceView(100, 30, Now.AddDays(4)), new MemberBalance(120, 30, 10),
            [new Movement(Now, MovementKind.Received, 5, "k0", null, Typed)]),
        ["leaderboard"] = new LeaderboardView(LeaderboardPeriod.Month, [new LeaderboardEntry(Bob, 4, 40, Typed), new LeaderboardEntry(Ann, 1, 1, null)]),
        ["rewards"] = new RewardsView(
            [new Reward("coffee", "Coffee " + Typed, 30, 5, 1, true, null), new Reward("lunch", "Lunch", 300, null, 0, true, null)], 50),
        ["redemption"] = new RedemptionView(Pending, RedemptionChange.Requested, 20),
        ["history"] = new HistoryView(
            Ann, [new Movement(Now, MovementKind.Held, 30, "r1", null, Typed), new Movement(Now, MovementKind.Received, 1, "k1", Bob, null)]),
        ["settings"] = new SettingsView(true, false, MemberSetting.Private),
        ["help"] = new HelpView(["#empathy"], 100, AllowancePeriod.Monthly, 10, 100, 10, 50),
        ["admin"] = new AdminDone(new AddRewardCommand("Cake " + Typed, 20, null, true, null), "cake"),
        ["digest subscription"] = new DigestSubscriptionView("C1", true, DayOfWeek.Friday, new TimeOnly(16, 0), "Europe/Rome"),
        ["digest preview"] = new DigestPreview(Digest()),
        ["outbox"] = new OutboxView(new OutboxSummary(3, 1, new ParkedPost("Celebration", Now, "channel_not_found " + Typed)), 1),
        ["audit log"] = new AuditLogView(Infrastructure.AuditSamples.Entries(Now, Ann, Bob, Mia, Typed)),
        ["integration created"] = new RecognitionBot.Core.Integrations.IntegrationCreated(
            new("0a1b", "zendesk", 5, "C1", Now), "https://kudos.example.test/integrations/customer-kudos/0a1b", "5ec12e7"),
        ["integration shown before"] = new RecognitionBot.Core.Integrations.IntegrationCreated(
            new("0a1b", "zendesk", 0, "C1", Now), "https://kudos.example.test/integrations/customer-kudos/0a1b", null),
        ["integrations"] = new RecognitionBot.Core.Integrations.IntegrationsView(
            [new("0a1b", "zendesk " + Typed, 5, "C1", Now)], 120, "https://kudos.example.test/integrations/customer-kudos/"),
        ["budget"] = new RecognitionBot.Core.Integrations.BudgetView(120, 100),
    };

    public static readonly Dictionary<string, OutboxPost> Posts = new()
    {
        ["celebration"] = new CelebrationPost(Kudos(), [new Milestone(Bob, MilestoneKind.FirstKudos, 10)]),
        ["kudos received"] = new KudosReceivedPost(Kudos(), Mia, 40, 120),
        ["celebration added on"] = new CelebrationPost(Kudos() with { AddOns = [new KudosAddOn(Mia, 5, Now)] }, []),
        // Withdrawn posts no longer show the message: the sample's has no typed words to look for.
        ["celebration withdrawn"] = new CelebrationPost(Kudos() with { Withdrawn = true, Message = "thanks" }, []),
        ["add-on received"] = new AddOnReceivedPost(Kudos(), Bob, Mia, 5, 45, 125),
        ["approval request"] = new ApprovalRequestPost(Pending, 20),
        ["approval update"] = new ApprovalUpdatePost(In(RedemptionState.Rejected), 50),
        ["redemption notice"] = new RedemptionNoticePost(In(RedemptionState.Approved), 20),
        ["digest"] = new DigestPost(Digest(), "Europe/Rome"),
        ["gaps"] = new RecognitionGapsPost("C1", [Ann, Bob], 4) { More = 3 },
        ["customer celebration"] = new CelebrationPost(CustomerKudos(), []),
        ["customer kudos received"] = new KudosReceivedPost(CustomerKudos(), Bob, 5, 5),
        ["undelivered"] = new UndeliveredPost(UndeliveredReason.ApprovalRerouted, RewardName: "Coffee " + Typed, Unreachable: Mia),
    };

    public static WeeklyDigest Digest() => new("2026-W48", Now.AddDays(-4), Now.AddDays(3), 12, 140, 6,
        [new DigestRecipient(Bob, 4, 40)], [new(Typed, 5)], [new DigestHighlight("k1", Ann, [Bob], 10, "You " + Typed)], [Bob]);

    /// <summary>A view's words, plain, as a reader would see them without markup.</summary>
    public static string Words(View view) => string.Join("\n",
        new[] { view.Title ?? "" }.Concat(view.Lines.Select(l => (l.Stamp?.Text ?? "") + string.Concat(l.Spans.Select(Words))))
            .Concat(view.Actions.Select(a => a.Label)));

    public static string Words(Span span) => ViewText.Plain([span]);
}
