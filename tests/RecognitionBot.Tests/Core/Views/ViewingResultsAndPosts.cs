using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Views;
using RecognitionBot.Tests.Core.Text;
using static RecognitionBot.Tests.Core.Views.ViewSamples;

namespace RecognitionBot.Tests.Core.Views;

/// <summary>Every result and every post becomes one view, in the reader's language, with typed words kept typed.</summary>
public sealed class ViewingResultsAndPosts
{
    [Theory]
    [MemberData(nameof(ResultKinds), MemberType = typeof(ViewSamples))]
    public void EveryResultReadsInTheReadersLanguage(string kind) =>
        AssertTranslated(ResultViews.For(Results[kind], In("en")), ResultViews.For(Results[kind], In("it-IT")));

    [Theory]
    [MemberData(nameof(PostKinds), MemberType = typeof(ViewSamples))]
    public void EveryPostReadsInTheReadersLanguage(string kind) =>
        AssertTranslated(PostViews.For(Posts[kind], In("en")), PostViews.For(Posts[kind], In("it-IT")));

    [Theory]
    [MemberData(nameof(ResultKinds), MemberType = typeof(ViewSamples))]
    public void TypedWordsInAResultStayTypedWords(string kind) =>
        AssertTypedWordsKept(ResultViews.For(Results[kind], In("en")), System.Text.Json.JsonSerializer.Serialize(Results[kind]).Contains("!here"));

    [Theory]
    [MemberData(nameof(PostKinds), MemberType = typeof(ViewSamples))]
    public void TypedWordsInAPostStayTypedWords(string kind) =>
        AssertTypedWordsKept(PostViews.For(Posts[kind], In("sv-SE")), System.Text.Json.JsonSerializer.Serialize(Posts[kind]).Contains("!here"));

    [Theory]
    [InlineData("en", "someone")]
    [InlineData("it-IT", "qualcuno")]
    public void APointsGiverNobodyRecordedIsSomeone(string locale, string someone)
    {
        var view = ResultViews.For(Results["balance"], In(locale));

        var line = view.Lines.Single(l => l.Style == LineStyle.ListItem);
        Assert.Contains(new UnknownPersonSpan(someone), line.Spans);
        Assert.All(view.Lines.SelectMany(l => l.Spans).OfType<MentionSpan>(), m => Assert.Equal(someone, m.Unknown));
    }

    [Fact]
    public void RedeemIsOfferedOnlyOnRewardsTheReaderCanAffordThatAreInStock()
    {
        var view = ResultViews.For(new RewardsView(
        [
            new Reward("coffee", "Coffee", 30, 5, 1, true, null),
            new Reward("gone", "Gone", 10, 1, 1, true, null),
            new Reward("lunch", "Lunch", 300, null, 0, true, null),
        ], 50), In("en"));

        var offered = view.Body.OfType<ViewItem>().Select(i => i.Action).OfType<ViewAction>().ToList();
        Assert.Equal([(ViewVerbs.Redeem, "coffee", ViewVerbs.RewardId)], offered.Select(a => (a.Verb, a.Subject, a.SubjectKey)));
        Assert.Equal(3, view.Body.OfType<ViewItem>().Count());
    }

    [Fact]
    public void APendingApprovalOffersApproveAndARejectThatAsksForAReason()
    {
        var view = PostViews.For(Posts["approval request"], In("sv-SE"));

        Assert.Equal([ViewVerbs.Approve, ViewVerbs.Reject], view.Actions.Select(a => a.Verb));
        Assert.All(view.Actions, a => Assert.Equal(("r1", ViewVerbs.RedemptionId), (a.Subject, a.SubjectKey)));
        Assert.Null(view.Actions[0].Reason);
        Assert.Equal(500, view.Actions[1].Reason?.MaxLength);
        Assert.Equal(Catalogue.Read("sv")["Approval.Confirm"], view.Actions[1].Reason?.Confirm);
    }

    [Fact]
    public void ADecidedApprovalSaysWhoDecidedAndWhenAndOffersNothing()
    {
        var view = PostViews.For(Posts["approval update"], In("en"));

        Assert.Empty(view.Actions);
        var decided = view.Lines.Single(l => l.Mark == LineMark.Rejected);
        Assert.Equal("Rejected by @U0007 on " + In("en").When(Now).Text, string.Concat(decided.Spans.Select(Words)));
        Assert.Contains(view.Lines, l => l.Spans.Contains(new UserTextSpan("no budget " + Typed)));
    }

    [Fact]
    public void EveryRedemptionStateMapsToOneChange()
    {
        var changes = Enum.GetValues<RedemptionState>().Select(RedemptionViews.ChangeFor).ToList();

        Assert.Equal(changes.Count, changes.Distinct().Count());
        Assert.DoesNotContain(RedemptionChange.Unchanged, changes);
        foreach (var state in Enum.GetValues<RedemptionState>())
        {
            // The requester's notice reads as the answer to their own command would.
            var notice = RedemptionViews.Notice(new RecognitionBot.Core.Outbox.RedemptionNoticePost(In(state), 20), In("en"));
            var answer = ResultViews.For(new RedemptionView(In(state), RedemptionViews.ChangeFor(state), 20), In("en"));
            Assert.Equal(Words(answer), Words(notice));
        }
    }

    [Fact]
    public void PrivateRecipientsAreNamedNotMentionedInTheGiversConfirmation()
    {
        var view = ResultViews.For(Results["given"], In("en"));

        var people = view.Lines.SelectMany(l => l.Spans).OfType<MentionSpan>().ToDictionary(m => m.Member, m => m.Notify);
        Assert.True(people[Bob]);
        Assert.False(people[Mia]);
    }

    [Fact]
    public void AnOutsiderRefusedAsARecipientIsNamedNotMentioned()
    {
        var view = ResultViews.For(new Refused(Refusal.OutsiderRecipient, "U0042"), In("en"));

        Assert.Equal(new MentionSpan(new("U0042"), "someone", Notify: false), view.Lines.First().Spans.OfType<MentionSpan>().Single());
        Assert.Equal(ViewTone.Problem, view.Tone);
    }

    [Theory]
    [InlineData("1", "You have 1 point left")]
    [InlineData("5", "You have 5 points left")]
    public void PluralsFollowTheNumberBehindASpan(string left, string expected)
    {
        var view = ResultViews.For(new Refused(Refusal.AllowanceExceeded, left), In("en"));

        Assert.StartsWith(expected, string.Concat(view.Lines.First().Spans.Select(Words)));
    }

    [Fact]
    public void HistoryLinesCarryTheirDayInTheWorkspaceZone()
    {
        var view = ResultViews.For(Results["history"], In("en"));

        Assert.All(view.Lines, l => Assert.Equal(In("en").Day(Now), l.Stamp));
        Assert.Equal([Bob], view.People);
    }

    private static void AssertTranslated(View english, View italian)
    {
        var (en, it) = (Words(english), Words(italian));
        Assert.NotEqual(en, it);
        // A missing text would show its key: none may reach a reader in either language.
        foreach (var key in Catalogue.English.Keys)
        {
            Assert.DoesNotContain(key, en, StringComparison.Ordinal);
            Assert.DoesNotContain(key, it, StringComparison.Ordinal);
        }
    }

    private static void AssertTypedWordsKept(View view, bool hasTypedWords)
    {
        var spans = view.Lines.SelectMany(l => l.Spans).ToList();
        if (hasTypedWords) Assert.Contains(spans, s => s is UserTextSpan or QuoteSpan && Words(s).Contains("<!here>"));
        Assert.DoesNotContain(spans, s => s is TextSpan t && (t.Text.Contains("<!here>") || t.Text.Contains("*bold*")));
        Assert.NotEmpty(view.Lines);
        Assert.All(view.Lines, l => Assert.NotEmpty(l.Spans));
    }
}
