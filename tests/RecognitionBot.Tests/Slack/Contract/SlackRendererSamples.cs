using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Kudos.Give;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Infrastructure;
using SlackPostedMessage = RecognitionBot.Core.Rewards.PostedMessage;

namespace RecognitionBot.Tests.Slack.Contract;

/// <summary>
/// Every shape of result and post the core can hand the Slack adapter, with awkward content (markup, pings,
/// long names), rendered by the adapter's renderers: the input of the contract and limits checks.
/// </summary>
public static class SlackRendererSamples
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 30, 0, TimeSpan.Zero);
    private static readonly WorkspaceId Ws = SlackWorkspace.Id("T0001");
    private static readonly MemberId Ann = new("U0001"), Bob = new("U0002"), Cy = new("U0003"), Maria = new("U0007");
    private const string Tricky = "thanks <@U0003> for *the* <https://x.example|link> & ‹!here› #empathy 🎉";

    public static IEnumerable<SlackPayload> All()
    {
        foreach (var locale in new[] { "en", "sv-SE", "it-IT" })
        {
            var t = Texts.For(locale);
            var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
            foreach (var (name, result) in Results())
                yield return SlackPayload.Of($"{locale} reply {name}", SlackCommandReply.Ephemeral(SlackViews.Render(result, t, zone)));
            foreach (var (name, post) in Posts())
                yield return SlackPayload.Of($"{locale} post {name}", SlackViews.Render(post with { Locale = locale }, t, zone));
            yield return SlackPayload.Of($"{locale} reject modal", SlackReplies.RejectModal("{\"R\":\"r1\",\"C\":\"D1\",\"Ts\":\"1.2\"}", t));
            var v = new ViewText(t, zone);
            var allowance = new AllowanceView(100, 20, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
            var form = ComposerForm.For(new WorkspaceSettings(), allowance, [Bob]) with { Link = "https://acme.slack.com/archives/C0001/p1700000000000100" };
            var metadata = new ComposerMetadata("C0001", "support-floor", form.Link, true);
            yield return SlackPayload.Of($"{locale} composer modal", SlackComposer.Modal(ComposerView.For(form, v), metadata));
            var bare = ComposerForm.For(new WorkspaceSettings { Values = [] }, allowance, []);
            yield return SlackPayload.Of(
                $"{locale} composer modal without values", SlackComposer.Modal(ComposerView.For(bare, v), metadata with { V = false }));
            yield return SlackPayload.Of($"{locale} composer errors", SlackComposer.Errors(
                [.. Enum.GetValues<Refusal>().Select(r => new ComposerFieldError(ComposerFields.For(r), new Refused(r, "10|50")))], new ModalShape(false), v));
            yield return SlackPayload.Of($"{locale} home", SlackViews.Home(HomeViews.For(Home(allowance, pending: true), v)));
            yield return SlackPayload.Of($"{locale} home of a member", SlackViews.Home(HomeViews.For(Home(allowance, pending: false), v)));
            yield return SlackPayload.Of($"{locale} answer modal", SlackReplies.AnswerModal(
                ResultViews.For(new RedemptionView(Redemption(RedemptionState.Pending), RedemptionChange.Requested, 30), v), t));
            yield return SlackPayload.Of($"{locale} post celebration for a message",
                SlackViews.Render(new CelebrationPost(Kudos() with { Link = form.Link }, []) { Locale = locale }, t, zone));
        }
        yield return SlackPayload.Of(
            "modal errors", new SlackViewErrors(new Dictionary<string, string> { [SlackActions.ReasonBlock] = "Only approvers can decide." }));
        yield return SlackPayload.Of(
            "slack-only sentence", SlackReplies.Sentence(SlackMarkup.Line(SlackTexts.Get(SlackTexts.UserGroupUnavailable)), warning: true));
    }

    private static HomeView Home(AllowanceView allowance, bool pending)
    {
        var balance = new BalanceView(Ann, allowance, new MemberBalance(120, 50, 10),
            [new Movement(Now, MovementKind.Received, 10, "k1", Bob, Tricky), new Movement(Now, MovementKind.Received, 5, "k2", null, "ok")]);
        var board = new LeaderboardView(LeaderboardPeriod.Month, [new LeaderboardEntry(Bob, 4, 40, "#empathy"), new LeaderboardEntry(Cy, 2, 15, null)]);
        var rewards = new RewardsView(
            [new Reward("coffee", "Coffee <b>voucher</b>", 50, 3, 0, true, null), new Reward("day", "Day off", 500, null, 0, true, null)], 120);
        return new HomeView(balance, board, rewards, pending ? [new PendingApproval(Redemption(RedemptionState.Pending), 30)] : null);
    }

    private static Kudos Kudos(bool isPrivate = false, IReadOnlyList<MemberId>? privateRecipients = null) =>
        new("k1", Ws, Ann, [Bob, Cy], 10, Tricky, ["#empathy", "#teamwork"], new ConversationRef("C0001", ConversationKind.Channel), Now,
            isPrivate, privateRecipients ?? [], [Cy]);

    private static Redemption Redemption(RedemptionState state, string? reason = null) =>
        new("r1", Bob, "coffee", "Coffee voucher <b>&</b> a *long* name that goes on", 50, state, [Maria], Now.AddHours(-2),
            state == RedemptionState.Pending ? null : Maria, state == RedemptionState.Pending ? null : Now, reason,
            [new SlackPostedMessage("D0007", "1700000000.000100")]);

    private static IEnumerable<(string, CommandResult)> Results()
    {
        foreach (var error in Enum.GetValues<ParseError>()) yield return ($"not understood {error}", new NotUnderstood(error, "<!here>"));
        foreach (var refusal in Enum.GetValues<Refusal>()) yield return (
            $"refused {refusal}", new Refused(refusal,
                refusal is Refusal.UnknownMember or Refusal.BotRecipient or Refusal.LeaverRecipient or Refusal.Leaver ? "U0009" : "10|50"));
        var allowance = new AllowanceView(100, 20, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        yield return ("given", new KudosGiven(Kudos(), [new RecipientOutcome(Bob, 10, 10, []), new RecipientOutcome(Cy, 10, 10, [])], allowance));
        yield return ("given private", new KudosGiven(Kudos(isPrivate: true), [], allowance));
        yield return ("added on", new AddOnGiven(Kudos() with { AddOns = [new KudosAddOn(Maria, 5, Now)] }, 5, allowance));
        yield return ("undone", new KudosUndone(Kudos() with { Withdrawn = true }, allowance));
        Movement[] moves =
        [
            new(Now, MovementKind.Received, 10, "k1", Ann, Tricky),
            new(Now, MovementKind.Given, 20, "k2", null, "for the help"),
            new(Now, MovementKind.Held, 50, "r1", null, "Coffee voucher"),
            new(Now, MovementKind.Released, 50, "r1", Maria, "Coffee voucher"),
            new(Now, MovementKind.Spent, 50, "r1", Maria, "Coffee voucher"),
            new(Now, MovementKind.Withdrawn, 10, "k1", Ann, null),
            new(Now, MovementKind.Refunded, 20, "k2", null, null),
        ];
        yield return ("balance", new BalanceView(Bob, allowance, new MemberBalance(120, 50, 20), moves[..1]));
        yield return ("balance empty", new BalanceView(Bob, allowance, new MemberBalance(0, 0, 0), []));
        yield return ("leaderboard", new LeaderboardView(LeaderboardPeriod.Week,
            [.. Enumerable.Range(1, 10).Select(i => new LeaderboardEntry(new MemberId($"U{i:D4}"), 11 - i, 100 - i, i % 2 == 0 ? "#empathy" : null))]));
        yield return ("leaderboard empty", new LeaderboardView(LeaderboardPeriod.All, []));
        yield return ("rewards", new RewardsView(
        [
            new Reward("coffee", "Coffee voucher", 50, 10, 2, true, null),
            new Reward("lunch", "Team lunch *for* <!channel>", 300, null, 0, true, 1),
            new Reward("sticker", "Sticker", 5, 1, 1, false, null),
            .. Enumerable.Range(1, 60).Select(i => new Reward($"r{i}", $"Reward {i}", i, null, 0, false, null)),
        ], 80));
        yield return ("rewards empty", new RewardsView([], 0));
        yield return ("history", new HistoryView(Bob, moves));
        yield return ("history empty", new HistoryView(Bob, []));
        yield return ("nominated", new RecognitionBot.Core.Awards.NominationMade(Bob, "2026-11"));
        yield return ("award already chosen", new RecognitionBot.Core.Awards.AwardView(AwardSamples.Decided(Now, Ann, Bob, Maria), Changed: false));
        yield return ("help", new HelpView(WorkspaceSettings.DefaultValues, 100, AllowancePeriod.Monthly, 10, 100, 10, 50));
        foreach (var change in Enum.GetValues<RedemptionChange>())
            yield return ($"redemption {change}", new RedemptionView(Redemption(change switch
            {
                RedemptionChange.Requested => RedemptionState.Pending,
                RedemptionChange.Completed => RedemptionState.Completed,
                RedemptionChange.Rejected => RedemptionState.Rejected,
                RedemptionChange.Cancelled => RedemptionState.Cancelled,
                _ => RedemptionState.Approved,
            }, "no budget"), change, 30));
        yield return ("settings", new SettingsView(true, false, MemberSetting.Private));
        yield return ("digest on", new DigestSubscriptionView("C0001", true, DayOfWeek.Friday, new TimeOnly(16, 0), "Europe/Rome"));
        yield return ("digest off", new DigestSubscriptionView("C0001", false, DayOfWeek.Friday, new TimeOnly(16, 0), "Europe/Rome"));
        yield return ("digest preview", new DigestPreview(Digest()));
        yield return ("audit log", new AuditLogView(AuditSamples.Entries(Now, Ann, Bob, Maria, Tricky)));
        yield return (
            "audit log long", new AuditLogView(
            Enumerable.Range(0, 50).SelectMany(_ => AuditSamples.Entries(Now, Ann, Bob, Maria, Tricky + Tricky)).Take(50).ToList()));
        yield return ("audit log empty", new AuditLogView([]));
        AdminCommand[] admin =
        [
            new AddRewardCommand("Coffee <b>", 50, 10, true, null), new RemoveRewardCommand("coffee"), new SetAllowanceCommand(150, AllowancePeriod.Weekly),
            new ChangeValuesCommand(true, "#patience"), new ChangeValuesCommand(false, "#patience"), new ChangeApproverCommand(true, Maria),
            new ChangeApproverCommand(false, Maria), new SetManagerCommand(Bob, Maria), new SetRoleCommand(Maria, true), new SetRoleCommand(Maria, false),
            new SetTimeZoneCommand("Europe/Stockholm"), new SetCelebrationChannelCommand(true), new SetCelebrationChannelCommand(false),
            new SetLanguageCommand("sv"),
        ];
        foreach (var command in admin) yield return ($"admin {command.GetType().Name}", new AdminDone(command, "coffee"));
        yield return ("admin integration removed", new AdminDone(new RemoveIntegrationCommand("zendesk"), "0a1b"));
        var integration = new RecognitionBot.Core.Integrations.IntegrationSummary("0a1b", "zendesk", 5, "C0001", Now);
        yield return ("integration created", new RecognitionBot.Core.Integrations.IntegrationCreated(
            integration, "https://kudos.example.test/integrations/customer-kudos/0a1b", "5ec12e7"));
        yield return ("integrations", new RecognitionBot.Core.Integrations.IntegrationsView(
            [integration, integration with { Name = "freshdesk", ChannelId = "#customer-love" }], 300, "/integrations/customer-kudos/"));
        yield return ("budget set", new RecognitionBot.Core.Integrations.BudgetView(300, 0));
    }

    private static WeeklyDigest Digest() => new("2026-W47", Now.AddDays(-5), Now.AddDays(2), 12, 140, 6,
        [new DigestRecipient(Bob, 4, 40), new DigestRecipient(Cy, 3, 35)],
        [new("#empathy", 5), new("#teamwork", 3)],
        [new DigestHighlight("k1", Ann, [Bob, Cy], 10, Tricky)],
        [Cy]);

    private static IEnumerable<(string, OutboxPost)> Posts()
    {
        yield return (
            "celebration", new CelebrationPost(
            Kudos(), [new Milestone(Cy, MilestoneKind.FirstKudos, 10), new Milestone(Bob, MilestoneKind.HundredPoints, 100)]));
        yield return ("celebration one public", new CelebrationPost(Kudos(privateRecipients: [Cy]), []));
        yield return ("kudos received", new KudosReceivedPost(Kudos(), Bob, 110, 130));
        yield return ("kudos received private", new KudosReceivedPost(Kudos(isPrivate: true), Bob, 110, 130));
        yield return ("celebration added on", new CelebrationPost(Kudos() with { AddOns = [new KudosAddOn(Maria, 5, Now), new KudosAddOn(Ann, 10, Now)] },
            [new Milestone(Cy, MilestoneKind.FirstKudos, 10)]));
        yield return ("celebration withdrawn", new CelebrationPost(Kudos() with { Withdrawn = true }, []));
        yield return ("kudos received withdrawn", new KudosReceivedPost(Kudos() with { Withdrawn = true }, Bob, 100, 120));
        yield return ("add-on received", new AddOnReceivedPost(Kudos(), Bob, Maria, 5, 115, 135));
        yield return ("approval request", new ApprovalRequestPost(Redemption(RedemptionState.Pending), 30));
        foreach (var state in Enum.GetValues<RedemptionState>())
        {
            yield return (
                $"approval update {state}",
                new ApprovalUpdatePost(Redemption(state, state == RedemptionState.Rejected ? "No budget <!here> until Jan" : null), 30));
            yield return ($"redemption notice {state}", new RedemptionNoticePost(Redemption(state, "no budget"), 30));
        }
        yield return ("digest", new DigestPost(Digest(), "Europe/Rome"));
        yield return (
            "digest empty", new DigestPost(
            Digest() with { KudosCount = 0, Points = 0, PeopleRecognised = 0, TopRecipients = [], TopValues = [], Highlights = [], FirstTimeRecipients = [] },
            "UTC"));
        yield return ("award card", new AwardCardPost(AwardSamples.Month(Now, Ann, Bob, Maria)));
        yield return ("award card without rewards", new AwardCardPost(AwardSamples.Month(Now, Ann, Bob, Maria, rewards: false)));
        yield return ("award card decided", new AwardCardPost(AwardSamples.Decided(Now, Ann, Bob, Maria)));
        yield return ("award card year", new AwardCardPost(AwardSamples.Year(Now, Ann, Bob, Maria)));
        yield return ("award celebration", new AwardCelebrationPost(AwardSamples.Decided(Now, Ann, Bob, Maria)));
        yield return ("award won", new AwardWonPost(AwardSamples.Decided(Now, Ann, Bob, Maria)));
        yield return ("gaps", new RecognitionGapsPost("C0001", [Bob, Cy], 4));
        yield return ("gaps none", new RecognitionGapsPost("C0001", [], 4));
        var customer = Kudos() with
        {
            Giver = CustomerCompliment.Giver,
            Recipients = [Bob],
            PrivateRecipients = [],
            Points = 5,
            Customer = new CustomerCompliment("0a1b", "zendesk", "208", "https://acme.zendesk.com/agent/tickets/208",
                RecognitionBot.Core.Integrations.ContactChannel.Chat, 5),
        };
        yield return ("customer celebration", new CelebrationPost(customer, [new Milestone(Bob, MilestoneKind.FirstKudos, 5)]));
        yield return ("customer celebration without points or link", new CelebrationPost(
            customer with { Points = 0, Message = "", Customer = customer.Customer! with { BudgetPoints = 0, TicketLink = null, Channel = null } }, []));
        yield return ("customer kudos received", new KudosReceivedPost(customer, Bob, 5, 5));
        yield return (
            "gaps many", new RecognitionGapsPost(
            "C0001", [.. Enumerable.Range(1, RecognitionGapsPost.MaxListed).Select(i => new MemberId($"U{i:D10}"))], 4)
            { More = 250 });
    }
}
