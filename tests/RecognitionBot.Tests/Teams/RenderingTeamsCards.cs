using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams;
using RecognitionBot.Teams.Cards;
using RecognitionBot.Tests.Contracts;
using RecognitionBot.Tests.Teams.Fakes;

namespace RecognitionBot.Tests.Teams;

/// <summary>Every card the Teams adapter can render, in every language we ship, passes the official Adaptive Cards parser at 1.5.</summary>
public sealed class RenderingTeamsCards
{
    private static readonly WorkspaceId Workspace = new(Platform.Teams, "tenant");
    private static readonly MemberId Ann = new("aad-ann"), Bob = new("aad-bob"), Mia = new("aad-mia"), Ghost = new("29:ghost");
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<MemberId, TeamsPerson> People = new()
    {
        [Ann] = new("aad-ann", "Ann *Agent*"),
        [Bob] = new("aad-bob", "Bob <Builder>"),
        [Mia] = new("aad-mia", "Mia Manager"),
    };

    private static CardContext Context(string locale = "en-US") =>
        new(TeamsTexts.For(locale), TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"), People);

    private static readonly Kudos Kudos = new("k1", Workspace, Ann, [Bob, Mia], 10, "Thanks for the **save** <at>All</at> & more", ["#empathy", "#teamwork"],
        new ConversationRef("19:c@thread.tacv2", ConversationKind.Channel, "19:t"), Now, Private: false, PrivateRecipients: [Mia], FirstTimeRecipients: [Bob]);

    private static readonly Redemption Pending = new("r1", Bob, "coffee", "Coffee *voucher*", 30, RedemptionState.Pending, [Mia], Now);

    public static TheoryData<string, string> Cards()
    {
        var data = new TheoryData<string, string>();
        foreach (var locale in new[] { "en-US", "it-IT", "sv-SE" })
            foreach (var name in Renderers.Keys) data.Add(name, locale);
        return data;
    }

    private static readonly Dictionary<string, Func<CardContext, AdaptiveCard>> Renderers = new()
    {
        ["given"] = c => TeamsCards.ForResult(new KudosGiven(Kudos, [new RecipientOutcome(Bob, 10, 10, [])], new AllowanceView(100, 20, Now.AddDays(4))), c),
        ["given-private"] = c => TeamsCards.ForResult(new KudosGiven(Kudos with { Private = true }, [], new AllowanceView(100, 20, Now.AddDays(4))), c),
        ["celebration"] = c => TeamsCards.ForPost(new CelebrationPost(Kudos, [new Milestone(Bob, MilestoneKind.FirstKudos, 10), new Milestone(Bob, MilestoneKind.HundredPoints, 100)]), c),
        ["received"] = c => TeamsCards.ForPost(new KudosReceivedPost(Kudos, Mia, 40, 120), c),
        ["balance"] = c => TeamsCards.ForResult(new BalanceView(Ann, new AllowanceView(100, 30, Now.AddDays(4)), new MemberBalance(120, 30, 10),
            [new Movement(Now, MovementKind.Received, 5, "k0", Bob, "for the *macro*"), new Movement(Now, MovementKind.Received, 5, "k9", null, null)]), c),
        ["balance-empty"] = c => TeamsCards.ForResult(new BalanceView(Ann, new AllowanceView(100, 0, Now), new MemberBalance(0, 0, 0), []), c),
        ["leaderboard"] = c => TeamsCards.ForResult(new LeaderboardView(LeaderboardPeriod.Month,
            [new LeaderboardEntry(Bob, 4, 40, "#empathy"), new LeaderboardEntry(Ann, 2, 15, null), new LeaderboardEntry(Ghost, 1, 5, null)]), c),
        ["leaderboard-empty"] = c => TeamsCards.ForResult(new LeaderboardView(LeaderboardPeriod.Week, []), c),
        ["rewards"] = c => TeamsCards.ForResult(new RewardsView(
            [
                new Reward("coffee", "Coffee [voucher]", 30, 5, 1, true, null),
                new Reward("lunch", "Team lunch", 300, null, 0, true, 1),
                new Reward("sticker", "Sticker", 5, 2, 2, false, null),
            ], 50), c),
        ["rewards-notice"] = c => TeamsCards.Rewards(new RewardsView([new Reward("coffee", "Coffee", 30, null, 0, true, null)], 20), c, "Nothing was held.", true),
        ["rewards-requested"] = c => TeamsCards.Rewards(new RewardsView([new Reward("coffee", "Coffee", 30, null, 0, true, null)], 20), c, "Requested `coffee`.", false, Pending),
        ["rewards-empty"] = c => TeamsCards.ForResult(new RewardsView([], 0), c),
        ["history"] = c => TeamsCards.ForResult(new HistoryView(Ann,
            [
                new Movement(Now, MovementKind.Received, 5, "k1", Bob, "x"),
                new Movement(Now, MovementKind.Given, 10, "k2", Bob, "y"),
                new Movement(Now, MovementKind.Held, 30, "r1", null, "Coffee"),
                new Movement(Now, MovementKind.Released, 30, "r1", Mia, "Coffee"),
                new Movement(Now, MovementKind.Spent, 30, "r2", Mia, "Coffee"),
            ]), c),
        ["history-empty"] = c => TeamsCards.ForResult(new HistoryView(Ann, []), c),
        ["help"] = c => TeamsCards.ForResult(new HelpView(["#empathy", "#customer-first"], 100, AllowancePeriod.Monthly, 10, 100, 10, 50), c),
        ["requested"] = c => TeamsCards.ForResult(new RedemptionView(Pending, RedemptionChange.Requested, 20), c),
        ["approval"] = c => TeamsCards.ForPost(new ApprovalRequestPost(Pending, 20), c),
        ["approval-refused"] = c => TeamsCards.Approval(Pending, 20, c, "Only approvers can decide."),
        ["approved"] = c => TeamsCards.ForPost(new ApprovalUpdatePost(Pending with { State = RedemptionState.Approved, DecidedBy = Mia, DecidedAt = Now }, 20), c),
        ["rejected"] = c => TeamsCards.ForPost(new ApprovalUpdatePost(Pending with { State = RedemptionState.Rejected, DecidedBy = Mia, DecidedAt = Now, Reason = "Budget <at>x</at>" }, 50), c),
        ["notice-rejected"] = c => TeamsCards.ForPost(new RedemptionNoticePost(Pending with { State = RedemptionState.Rejected, DecidedBy = Mia, DecidedAt = Now, Reason = "Budget" }, 50), c),
        ["notice-completed"] = c => TeamsCards.ForPost(new RedemptionNoticePost(Pending with { State = RedemptionState.Completed, DecidedAt = Now }, 20), c),
        ["digest"] = c => TeamsCards.ForPost(new DigestPost(new WeeklyDigest("2026-W48", Now.AddDays(-4), Now.AddDays(3), 12, 140, 6,
            [new DigestRecipient(Bob, 4, 40), new DigestRecipient(Ann, 2, 20)], [new("#empathy", 5), new("#teamwork", 2)],
            [new DigestHighlight("k1", Ann, [Bob], 10, "You **rock**")], [Bob]), "Europe/Rome"), c),
        ["digest-empty"] = c => TeamsCards.ForPost(new DigestPost(new WeeklyDigest("2026-W48", Now, Now.AddDays(7), 0, 0, 0, [], [], [], []), "UTC"), c),
        ["gaps"] = c => TeamsCards.Gaps(new RecognitionGapsPost("19:c", [Ann, Bob], 4), c, "Escalations"),
        ["gaps-none"] = c => TeamsCards.ForPost(new RecognitionGapsPost("19:c", [], 4), c),
        ["refused"] = c => TeamsCards.ForResult(new Refused(Refusal.AllowanceExceeded, "5"), c),
        ["refused-member"] = c => TeamsCards.ForResult(new Refused(Refusal.UnknownMember, Ghost.Value), c),
        ["not-understood"] = c => TeamsCards.ForResult(new NotUnderstood(ParseError.UnknownOption, "--*loud*"), c),
        ["admin"] = c => TeamsCards.ForResult(new AdminDone(new AddRewardCommand("Cake [big]", 20, null, true, null), "cake"), c),
        ["admin-approver"] = c => TeamsCards.ForResult(new AdminDone(new ChangeApproverCommand(true, Mia)), c),
        ["audit-log"] = c => TeamsCards.ForResult(new AuditLogView(RecognitionBot.Tests.Infrastructure.AuditSamples.Entries(Now, Ann, Bob, Mia, "Cake **big** <at>All</at>")), c),
        ["audit-log-empty"] = c => TeamsCards.ForResult(new AuditLogView([]), c),
        ["settings"] = c => TeamsCards.ForResult(new SettingsView(true, false, MemberSetting.Private), c),
        ["digest-on"] = c => TeamsCards.ForResult(new DigestSubscriptionView("19:c", true, DayOfWeek.Friday, new TimeOnly(16, 0), "Europe/Rome"), c),
        ["welcome"] = c => TeamsCards.Welcome(c, personal: false),
    };

    [Theory]
    [MemberData(nameof(Cards))]
    public void PassesTheOfficialParser(string card, string locale)
    {
        AdaptiveCardContract.AssertValid(Renderers[card](Context(locale)).ToJson());
    }

    [Fact]
    public void HistoryNamesWhoPointsCameFromAndWentTo()
    {
        var card = Renderers["history"](Context()).ToJson();

        Assert.Contains("+5 received from <at>Bob Builder</at>", card.AllText());
        Assert.Contains("10 given to <at>Bob Builder</at>", card.AllText());
        Assert.Contains(("aad-bob", "<at>Bob Builder</at>"), card.Mentions());
    }

    [Fact]
    public void TheCelebrationMentionsTheGiverAndPublicRecipientsOnly()
    {
        var card = TeamsCards.ForPost(new CelebrationPost(Kudos, []), Context()).ToJson();

        var mentioned = card.Mentions();
        Assert.Equal(["aad-ann", "aad-bob"], mentioned.Select(m => m.Id).Order());
        Assert.DoesNotContain("Mia", card.AllText());
        Assert.Contains(("aad-bob", "<at>Bob Builder</at>"), mentioned);
    }

    [Fact]
    public void UserWordsAreNeitherMarkdownNorMentions()
    {
        var card = TeamsCards.ForPost(new CelebrationPost(Kudos, []), Context()).ToJson().GetRawText();

        Assert.DoesNotContain("<at>All</at>", card);
        Assert.Contains("Thanks for the **save**", card);
    }

    [Theory]
    [InlineData("**bold** _it_ [x](y) `code`", @"\*\*bold\*\* \_it\_ \[x\](y) \`code\`")]
    [InlineData("# heading", @"\# heading")]
    [InlineData("- item", @"\- item")]
    [InlineData("a\\b", @"a\\b")]
    [InlineData("plain words, 3.5 points", "plain words, 3.5 points")]
    public void EscapesMarkdownInTextBlocks(string input, string expected) => Assert.Equal(expected, CardText.Markdown(input));

    [Theory]
    [InlineData("<at>Everyone</at>")]
    [InlineData("<AT>x</AT>")]
    [InlineData("< at>x")]
    public void NeverLetsAnAtTagThrough(string input)
    {
        Assert.DoesNotMatch("<[aA][tT]>", CardText.Plain(input));
        Assert.DoesNotMatch("<[aA][tT]>", CardText.Markdown(input));
    }

    [Fact]
    public void CommandsQuotedInOurSentencesAreBoldNotStrayBackticks()
    {
        // "No rewards yet. An admin can add some with `/kudos admin reward add`." (Teams cards have no inline code)
        var empty = TeamsCards.ForResult(new RewardsView([], 0), Context()).ToJson().AllText();
        Assert.Contains("**@Kudos admin reward add**", empty);
        Assert.DoesNotContain("`", empty);

        // A refusal quoting a command, with a user's own backticks in it: theirs stay escaped, ours turn bold.
        var refused = TeamsCards.ForResult(new Refused(Refusal.UnknownReward, "`tea`"), Context()).ToJson().AllText();
        Assert.Contains(@"\`tea\`", refused);
        Assert.Contains("**@Kudos rewards**", refused);
    }

    [Fact]
    public void ExamplesShowHowPeopleCallTheBotInTeamsByMentioningIt()
    {
        var help = Renderers["help"](Context()).ToJson().AllText();
        var refused = TeamsCards.ForResult(new NotUnderstood(ParseError.NoRecipient, null), Context("it-IT")).ToJson().AllText();

        Assert.DoesNotContain("/kudos", help);
        Assert.Contains("@Kudos @Ann +10", help);
        Assert.Contains("@Kudos @Ann +10", refused);
        // The name people mention is the app's short name in the Teams manifest.
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RecognitionBot.Tests.Infrastructure.Azurite.RepoRoot(), "manifest", "teams", "manifest.json")));
        Assert.Equal(TeamsTexts.Invocation, "@" + manifest.RootElement.GetProperty("name").GetProperty("short").GetString());
    }

    [Theory]
    [InlineData("Type `/kudos help` now", "Type **/kudos help** now")]
    [InlineData(@"say \`hi\` and `go`", @"say \`hi\` and **go**")]
    [InlineData("one ` alone", "one ` alone")]
    [InlineData("no quotes", "no quotes")]
    public void QuotedCommandsBecomeBold(string input, string expected) => Assert.Equal(expected, CardText.Commands(input));

    [Fact]
    public void MentionNamesCannotCloseTheTag() => Assert.Equal("Bob Builder", CardText.MentionName("Bob <Builder>"));

    [Fact]
    public void NamesPeopleItCannotMentionInPlainText()
    {
        var card = TeamsCards.ForResult(new LeaderboardView(LeaderboardPeriod.All, [new LeaderboardEntry(Ghost, 1, 5, null)]),
            new CardContext(TeamsTexts.For("en"), TimeZoneInfo.Utc, People, new Dictionary<MemberId, string> { [Ghost] = "Gus Ghost" })).ToJson();

        Assert.Contains("Gus Ghost", card.AllText());
        Assert.Empty(card.Mentions());
    }
}
