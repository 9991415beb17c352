using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams;
using RecognitionBot.Teams.Cards;
using RecognitionBot.Tests.Contracts;
using RecognitionBot.Tests.Teams.Fakes;

using RecognitionBot.Tests.Infrastructure;

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

    private static Reader Context(string locale = "en-US") => new(TeamsTexts.For(locale), TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"));

    /// <summary>Who reads the card: their texts and zone, and the names the adapter found.</summary>
    private sealed record Reader(TeamsTexts Texts, TimeZoneInfo Zone, IReadOnlyDictionary<MemberId, string>? NamesOnly = null)
    {
        public ViewText V => new(Texts.Core, Zone);

        public AdaptiveCard Card(View view) =>
            TeamsCards.Render(view, new CardContext(Texts, People, NamesOnly, new Dictionary<string, string> { ["19:c"] = "Escalations" }));
    }

    private static AdaptiveCard Result(CommandResult result, Reader c) => c.Card(ResultViews.For(result, c.V));

    private static AdaptiveCard Post(OutboxPost post, Reader c) => c.Card(PostViews.For(post, c.V));

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

    private static readonly Dictionary<string, Func<Reader, AdaptiveCard>> Renderers = new()
    {
        ["given"] = c => Result(new KudosGiven(Kudos, [new RecipientOutcome(Bob, 10, 10, [])], new AllowanceView(100, 20, Now.AddDays(4))), c),
        ["given-private"] = c => Result(new KudosGiven(Kudos with { Private = true }, [], new AllowanceView(100, 20, Now.AddDays(4))), c),
        ["celebration"] = c =>
            Post(new CelebrationPost(Kudos, [new Milestone(Bob, MilestoneKind.FirstKudos, 10), new Milestone(Bob, MilestoneKind.HundredPoints, 100)]), c),
        ["received"] = c => Post(new KudosReceivedPost(Kudos, Mia, 40, 120), c),
        ["celebration-added-on"] = c => Post(new CelebrationPost(Kudos with { AddOns = [new KudosAddOn(Mia, 5, Now), new KudosAddOn(Ann, 1, Now)] }, []), c),
        ["celebration-withdrawn"] = c => Post(new CelebrationPost(Kudos with { Withdrawn = true }, []), c),
        ["received-withdrawn"] = c => Post(new KudosReceivedPost(Kudos with { Withdrawn = true }, Mia, 30, 110), c),
        ["added-on-received"] = c => Post(new AddOnReceivedPost(Kudos, Bob, Mia, 5, 45, 125), c),
        ["added-on"] = c => Result(new AddOnGiven(Kudos with { AddOns = [new KudosAddOn(Mia, 5, Now)] }, 5, new AllowanceView(100, 35, Now.AddDays(4))), c),
        ["undone"] = c => Result(new KudosUndone(Kudos with { Withdrawn = true }, new AllowanceView(100, 0, Now.AddDays(4))), c),
        ["balance"] = c => Result(new BalanceView(Ann, new AllowanceView(100, 30, Now.AddDays(4)), new MemberBalance(120, 30, 10),
            [new Movement(Now, MovementKind.Received, 5, "k0", Bob, "for the *macro*"), new Movement(Now, MovementKind.Received, 5, "k9", null, null)]), c),
        ["balance-empty"] = c => Result(new BalanceView(Ann, new AllowanceView(100, 0, Now), new MemberBalance(0, 0, 0), []), c),
        ["leaderboard"] = c => Result(new LeaderboardView(LeaderboardPeriod.Month,
            [new LeaderboardEntry(Bob, 4, 40, "#empathy"), new LeaderboardEntry(Ann, 2, 15, null), new LeaderboardEntry(Ghost, 1, 5, null)]), c),
        ["leaderboard-empty"] = c => Result(new LeaderboardView(LeaderboardPeriod.Week, []), c),
        ["rewards"] = c => Result(new RewardsView(
            [
                new Reward("coffee", "Coffee [voucher]", 30, 5, 1, true, null),
                new Reward("lunch", "Team lunch", 300, null, 0, true, 1),
                new Reward("sticker", "Sticker", 5, 2, 2, false, null),
            ], 50), c),
        ["rewards-notice"] = c =>
            c.Card(RedemptionViews.CatalogAfter(
            new RewardsView([new Reward("coffee", "Coffee", 30, null, 0, true, null)], 20), new Refused(Refusal.NotEnoughPoints, "30|20"), c.V)),
        ["rewards-requested"] = c =>
            c.Card(RedemptionViews.CatalogAfter(
            new RewardsView([new Reward("coffee", "Coffee", 30, null, 0, true, null)], 20), new RedemptionView(Pending, RedemptionChange.Requested, 20), c.V)),
        ["rewards-empty"] = c => Result(new RewardsView([], 0), c),
        ["history"] = c => Result(new HistoryView(Ann,
            [
                new Movement(Now, MovementKind.Received, 5, "k1", Bob, "x"),
                new Movement(Now, MovementKind.Given, 10, "k2", Bob, "y"),
                new Movement(Now, MovementKind.Held, 30, "r1", null, "Coffee"),
                new Movement(Now, MovementKind.Released, 30, "r1", Mia, "Coffee"),
                new Movement(Now, MovementKind.Spent, 30, "r2", Mia, "Coffee"),
            ]), c),
        ["history-empty"] = c => Result(new HistoryView(Ann, []), c),
        ["help"] = c => Result(new HelpView(["#empathy", "#customer-first"], 100, AllowancePeriod.Monthly, 10, 100, 10, 50), c),
        ["requested"] = c => Result(new RedemptionView(Pending, RedemptionChange.Requested, 20), c),
        ["approval"] = c => Post(new ApprovalRequestPost(Pending, 20), c),
        ["approval-refused"] = c => c.Card(RedemptionViews.Approval(Pending, 20, c.V, ResultText.Describe(new Refused(Refusal.NotApprover), c.V))),
        ["approved"] = c => Post(new ApprovalUpdatePost(Pending with { State = RedemptionState.Approved, DecidedBy = Mia, DecidedAt = Now }, 20), c),
        ["rejected"] = c =>
            Post(new ApprovalUpdatePost(
            Pending with { State = RedemptionState.Rejected, DecidedBy = Mia, DecidedAt = Now, Reason = "Budget <at>x</at>" }, 50), c),
        ["notice-rejected"] = c =>
            Post(new RedemptionNoticePost(Pending with { State = RedemptionState.Rejected, DecidedBy = Mia, DecidedAt = Now, Reason = "Budget" }, 50), c),
        ["notice-completed"] = c => Post(new RedemptionNoticePost(Pending with { State = RedemptionState.Completed, DecidedAt = Now }, 20), c),
        ["digest"] = c => Post(new DigestPost(new WeeklyDigest("2026-W48", Now.AddDays(-4), Now.AddDays(3), 12, 140, 6,
            [new DigestRecipient(Bob, 4, 40), new DigestRecipient(Ann, 2, 20)], [new("#empathy", 5), new("#teamwork", 2)],
            [new DigestHighlight("k1", Ann, [Bob], 10, "You **rock**")], [Bob]), "Europe/Rome"), c),
        ["digest-empty"] = c => Post(new DigestPost(new WeeklyDigest("2026-W48", Now, Now.AddDays(7), 0, 0, 0, [], [], [], []), "UTC"), c),
        ["award-card"] = c => Post(new AwardCardPost(AwardSamples.Month(Now, Ann, Bob, Mia)), c),
        ["award-card-no-rewards"] = c => Post(new AwardCardPost(AwardSamples.Month(Now, Ann, Bob, Mia, rewards: false)), c),
        ["award-card-decided"] = c => Post(new AwardCardPost(AwardSamples.Decided(Now, Ann, Bob, Mia)), c),
        ["award-card-year"] = c => Post(new AwardCardPost(AwardSamples.Year(Now, Ann, Bob, Mia)), c),
        ["award-celebration"] = c => Post(new AwardCelebrationPost(AwardSamples.Decided(Now, Ann, Bob, Mia)), c),
        ["award-won"] = c => Post(new AwardWonPost(AwardSamples.Decided(Now, Ann, Bob, Mia)), c),
        ["nominated"] = c => Result(new RecognitionBot.Core.Awards.NominationMade(Bob, "2026-11"), c),
        ["award-already-chosen"] = c => Result(new RecognitionBot.Core.Awards.AwardView(AwardSamples.Decided(Now, Ann, Bob, Mia), Changed: false), c),
        ["gaps"] = c => Post(new RecognitionGapsPost("19:c", [Ann, Bob], 4), c),
        ["gaps-none"] = c => Post(new RecognitionGapsPost("19:c", [], 4), c),
        ["refused"] = c => Result(new Refused(Refusal.AllowanceExceeded, "5"), c),
        ["refused-member"] = c => Result(new Refused(Refusal.UnknownMember, Ghost.Value), c),
        ["not-understood"] = c => Result(new NotUnderstood(ParseError.UnknownOption, "--*loud*"), c),
        ["admin"] = c => Result(new AdminDone(new AddRewardCommand("Cake [big]", 20, null, true, null), "cake"), c),
        ["admin-approver"] = c => Result(new AdminDone(new ChangeApproverCommand(true, Mia)), c),
        ["audit-log"] = c =>
            Result(new AuditLogView(RecognitionBot.Tests.Infrastructure.AuditSamples.Entries(Now, Ann, Bob, Mia, "Cake **big** <at>All</at>")), c),
        ["audit-log-empty"] = c => Result(new AuditLogView([]), c),
        ["settings"] = c => Result(new SettingsView(true, false, MemberSetting.Private), c),
        ["digest-on"] = c => Result(new DigestSubscriptionView("19:c", true, DayOfWeek.Friday, new TimeOnly(16, 0), "Europe/Rome"), c),
        ["welcome"] = c => TeamsCards.Welcome(new CardContext(c.Texts, People), personal: false),
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
        var card = Post(new CelebrationPost(Kudos, []), Context()).ToJson();

        var mentioned = card.Mentions();
        Assert.Equal(["aad-ann", "aad-bob"], mentioned.Select(m => m.Id).Order());
        Assert.DoesNotContain("Mia", card.AllText());
        Assert.Contains(("aad-bob", "<at>Bob Builder</at>"), mentioned);
    }

    [Fact]
    public void UserWordsAreNeitherMarkdownNorMentions()
    {
        var card = Post(new CelebrationPost(Kudos, []), Context()).ToJson().GetRawText();

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
        var empty = Result(new RewardsView([], 0), Context()).ToJson().AllText();
        Assert.Contains("**@Kudos admin reward add**", empty);
        Assert.DoesNotContain("`", empty);

        // A refusal quoting a command, with a user's own backticks in it: theirs stay escaped, ours turn bold.
        var refused = Result(new Refused(Refusal.UnknownReward, "`tea`"), Context()).ToJson().AllText();
        Assert.Contains(@"\`tea\`", refused);
        Assert.Contains("**@Kudos rewards**", refused);
    }

    [Fact]
    public void ExamplesShowHowPeopleCallTheBotInTeamsByMentioningIt()
    {
        var help = Renderers["help"](Context()).ToJson().AllText();
        var refused = Result(new NotUnderstood(ParseError.NoRecipient, null), Context("it-IT")).ToJson().AllText();

        Assert.DoesNotContain("/kudos", help);
        Assert.Contains("@Kudos @Ann +10", help);
        Assert.Contains("@Kudos @Ann +10", refused);
        // The name people mention is the app's short name in the Teams manifest.
        using var manifest = System.Text.Json.JsonDocument.Parse(
            File.ReadAllText(Path.Combine(RecognitionBot.Tests.Infrastructure.Azurite.RepoRoot(), "manifest", "teams", "manifest.json")));
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
        var card = Result(new LeaderboardView(LeaderboardPeriod.All, [new LeaderboardEntry(Ghost, 1, 5, null)]),
            new Reader(TeamsTexts.For("en"), TimeZoneInfo.Utc, new Dictionary<MemberId, string> { [Ghost] = "Gus Ghost" })).ToJson();

        Assert.Contains("Gus Ghost", card.AllText());
        Assert.Empty(card.Mentions());
    }
}
