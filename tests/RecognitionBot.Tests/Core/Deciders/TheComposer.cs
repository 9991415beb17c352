using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Kudos.Give;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Core.Deciders;

/// <summary>The composer's form and what its submission becomes: the typed command's GiveCommand, or errors per field. No storage.</summary>
public sealed class TheComposer
{
    private static readonly MemberId Ada = new("ada");
    private static readonly MemberId Ann = new("ann");
    private static readonly MemberId Bob = new("bob");
    private static readonly WorkspaceSettings Settings = new() { MaxPoints = 25, DefaultPoints = 5, Values = ["#empathy", "#ownership"] };
    private static readonly AllowanceView Allowance = new(100, 30, new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero));

    private static ComposerInput Input(
        IReadOnlyList<MemberId>? to = null, string? points = null, IReadOnlyList<string>? values = null, string? message = "thanks for the calm save",
        bool isPrivate = false) => new(to ?? [Ann], points, values ?? [], message, isPrivate);

    [Fact]
    public void OffersTheWorkspacesValuesLimitsAndTheGiversAllowance()
    {
        var form = ComposerForm.For(Settings, Allowance, [Ann]);
        var view = ComposerView.For(form, new ViewText(Texts.For("en"), TimeZoneInfo.Utc));

        Assert.Equal(["#empathy", "#ownership"], view.Values.Options.Select(o => o.Value));
        Assert.Equal((1, 25, 5), (view.Points.Min, view.Points.Max, view.Points.Initial));
        Assert.Equal(10, view.Recipients.Max);
        Assert.Equal([Ann], view.Recipients.Initial);
        Assert.Equal((3, 500), (view.Message.MinLength, view.Message.MaxLength));
        Assert.StartsWith("You have 70 of 100 points left to give (renews on ", ViewText.Plain(view.Intro.Spans));
        Assert.Equal(ComposerFields.All, [view.Recipients.Id, view.Points.Id, view.Values.Id, view.Message.Id, view.Private.Id]);
        Assert.Null(view.About);
    }

    [Fact]
    public void SpeaksTheReadersLanguageAndLinksTheMessageItWasStartedFrom()
    {
        var form = ComposerForm.For(Settings, Allowance, [Ann]) with { Link = "https://acme.slack.com/archives/C1/p1712000100000200" };
        var view = ComposerView.For(form, new ViewText(Texts.For("it"), TimeZoneInfo.Utc));

        Assert.Equal("Dai un kudos", view.Title);
        Assert.Equal("Per questo messaggio (https://acme.slack.com/archives/C1/p1712000100000200)", ViewText.Plain(view.About!.Spans));
    }

    [Fact]
    public void ASubmissionBecomesTheSameGiveCommandAsTheTypedOne()
    {
        var outcome = ComposerSubmission.Read(Input([Ann, Bob], " 7 ", ["#Empathy"], "  thanks for the calm save #ownership ", isPrivate: true), Ada, Settings);

        Assert.True(outcome.Ok);
        var give = outcome.Command!;
        Assert.Equal([Ann, Bob], give.Recipients);
        Assert.Equal(7, give.Points);
        Assert.Equal("thanks for the calm save #ownership", give.Message);
        Assert.True(give.Private);
        Assert.Equal(["#empathy", "#ownership"], KudosRules.ValuesOf(give, Settings));
        Assert.Empty(outcome.Errors);
    }

    [Fact]
    public void NoPointsMeansTheWorkspaceDefault()
    {
        var give = ComposerSubmission.Read(Input(points: ""), Ada, Settings).Command!;
        Assert.Null(give.Points);
        Assert.Equal(5, KudosRules.PointsOf(give, Settings));
    }

    [Fact]
    public void SaysWhatIsWrongOnEachFieldAtOnce()
    {
        var outcome = ComposerSubmission.Read(Input([], "lots", ["#speed"], "ok"), Ada, Settings);

        Assert.False(outcome.Ok);
        Assert.Null(outcome.Command);
        Assert.Equal(
            [
                (ComposerFields.Recipients, Refusal.NoRecipient),
                (ComposerFields.Points, Refusal.PointsOutOfRange),
                (ComposerFields.Values, Refusal.UnknownValue),
                (ComposerFields.Message, Refusal.MessageTooShort),
            ],
            outcome.Errors.Select(e => (e.Field, e.Reason.Reason)));
    }

    [Theory]
    [InlineData("ada", null, "thanks for the calm save", Refusal.SelfKudos, ComposerFields.Recipients)]
    [InlineData("ann", "26", "thanks for the calm save", Refusal.PointsOutOfRange, ComposerFields.Points)]
    [InlineData("ann", "0", "thanks for the calm save", Refusal.PointsOutOfRange, ComposerFields.Points)]
    [InlineData("ann", null, "", Refusal.MessageTooShort, ComposerFields.Message)]
    public void TheRulesOfAnyKudosRefuseOnTheirField(string to, string? points, string message, Refusal reason, string field)
    {
        var outcome = ComposerSubmission.Read(Input([new MemberId(to)], points, message: message), Ada, Settings);
        Assert.Equal([(field, reason)], outcome.Errors.Select(e => (e.Field, e.Reason.Reason)));
    }

    [Fact]
    public void TooManyPeopleIsSaidOnThePicker()
    {
        var many = Enumerable.Range(0, 11).Select(i => new MemberId($"u{i}")).ToList();
        var error = Assert.Single(ComposerSubmission.Read(Input(many), Ada, Settings).Errors);
        Assert.Equal((ComposerFields.Recipients, Refusal.TooManyRecipients), (error.Field, error.Reason.Reason));
    }

    [Theory]
    [InlineData(Refusal.AllowanceExceeded, ComposerFields.Points)]
    [InlineData(Refusal.PairCapReached, ComposerFields.Recipients)]
    [InlineData(Refusal.OutsiderRecipient, ComposerFields.Recipients)]
    [InlineData(Refusal.UnknownMember, ComposerFields.Recipients)]
    [InlineData(Refusal.Outsider, ComposerFields.Recipients)]
    [InlineData(Refusal.StorageUnavailable, ComposerFields.Recipients)]
    public void ALedgerRefusalGoesOnTheFieldItIsAbout(Refusal reason, string field)
    {
        var error = Assert.Single(ComposerSubmission.ErrorsFor(new Refused(reason, "ann|5")));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void AGivenKudosHasNoErrorsAndAFieldErrorReadsWithoutTheTypedExample()
    {
        Assert.Empty(ComposerSubmission.ErrorsFor(new HelpView([], 100, AllowancePeriod.Monthly, 10, 100, 10, 50)));
        var text = ComposerView.Error(new Refused(Refusal.AllowanceExceeded, "4"), new ViewText(Texts.For("sv"), TimeZoneInfo.Utc));
        Assert.DoesNotContain("/kudos", ViewText.Plain(text));
        Assert.Contains("4", ViewText.Plain(text));
    }
}
