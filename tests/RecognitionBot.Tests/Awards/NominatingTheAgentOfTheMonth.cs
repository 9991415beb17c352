using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Awards;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Awards;

/// <summary><c>/kudos nominate @x why</c>: private, one per nominator and nominee per month, never oneself, members only.</summary>
public sealed class NominatingTheAgentOfTheMonth : IAsyncLifetime
{
    private readonly CoreHarness _h = new(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<IReadOnlyList<Nomination>> Nominations(string month) =>
        _h.Services.GetRequiredService<IAwardLedger>().GetNominationsAsync(CoreHarness.Workspace, month, CancellationToken.None);

    [Fact]
    public async Task RecordsTheNominationAndTellsOnlyTheNominator()
    {
        var made = Assert.IsType<NominationMade>(await _h.Say("ann", "nominate <@bob> calm with every angry caller this week"));

        Assert.Equal((new MemberId("bob"), "2026-11"), (made.Nominee, made.Month));
        var nomination = Assert.Single(await Nominations("2026-11"));
        Assert.Equal(("ann", "bob", "calm with every angry caller this week"), (nomination.Nominator.Value, nomination.Nominee.Value, nomination.Reason));
        // Private: no DM to the nominee, nothing in the channel, nothing at all to post.
        Assert.Empty(await _h.PendingPosts());
    }

    [Fact]
    public async Task RefusesNominatingYourselfAndChangesNothing()
    {
        var before = await _h.Snapshot();

        var refused = Assert.IsType<Refused>(await _h.Say("ann", "nominate <@ann> I am great"));

        Assert.Equal(Refusal.SelfNomination, refused.Reason);
        Assert.Equal(before, await _h.Snapshot());
    }

    [Fact]
    public async Task RefusesASecondNominationOfTheSamePersonInAMonthButTakesItNextMonth()
    {
        Assert.IsType<NominationMade>(await _h.Say("ann", "nominate <@bob> calm with every caller"));
        // Someone else may nominate them too, and ann may nominate someone else.
        Assert.IsType<NominationMade>(await _h.Say("cat", "nominate <@bob> took my escalation"));
        Assert.IsType<NominationMade>(await _h.Say("ann", "nominate <@dan> fixed the queue"));
        var before = await _h.Snapshot();

        var again = Assert.IsType<Refused>(await _h.Say("ann", "nominate <@bob> and again"));

        Assert.Equal((Refusal.AlreadyNominated, "bob"), (again.Reason, again.Detail));
        Assert.Equal(before, await _h.Snapshot());
        _h.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var next = Assert.IsType<NominationMade>(await _h.Say("ann", "nominate <@bob> calm again in December"));
        Assert.Equal("2026-12", next.Month);
        Assert.Equal(2, (await Nominations("2026-11")).Count(n => n.Nominee == new MemberId("bob")));
        Assert.Single(await Nominations("2026-12"));
    }

    [Fact]
    public async Task TheMonthIsTheWorkspacesLocalMonth()
    {
        await _h.Configure(s => s with { TimeZone = "Europe/Rome" });
        _h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero));

        var made = Assert.IsType<NominationMade>(await _h.Say("ann", "nominate <@bob> always on time"));

        Assert.Equal("2026-12", made.Month);
    }

    [Theory]
    [InlineData("bot", Refusal.BotRecipient)]
    [InlineData("guest", Refusal.OutsiderRecipient)]
    [InlineData("gone", Refusal.LeaverRecipient)]
    [InlineData("nobody", Refusal.UnknownMember)]
    public async Task RefusesBotsOutsidersLeaversAndStrangers(string nominee, Refusal reason)
    {
        var before = await _h.Snapshot();

        var refused = Assert.IsType<Refused>(await _h.Say("ann", $"nominate <@{nominee}> for being there"));

        Assert.Equal(reason, refused.Reason);
        Assert.Equal(before, await _h.Snapshot());
    }

    [Fact]
    public async Task AnOutsiderMayNotNominate()
    {
        var refused = Assert.IsType<Refused>(await _h.Say("guest", "nominate <@bob> for being there"));

        Assert.Equal(Refusal.Outsider, refused.Reason);
        Assert.Empty(await Nominations("2026-11"));
    }

    [Theory]
    [InlineData("nominate <@bob>", ParseError.MissingNominationReason)]
    [InlineData("nominate bob for the queue", ParseError.BadNomination)]
    [InlineData("nominate", ParseError.BadNomination)]
    [InlineData("nominate <@bob> <@cat> both of them", ParseError.BadNomination)]
    public async Task WithoutAPersonOrAReasonItIsNotUnderstood(string text, ParseError error)
    {
        var before = await _h.Snapshot();

        var wrong = Assert.IsType<NotUnderstood>(await _h.Say("ann", text));

        Assert.Equal(error, wrong.Error);
        Assert.Equal(before, await _h.Snapshot());
    }

    [Fact]
    public async Task AReasonMustBeLongEnoughAndNotTooLong()
    {
        var tooShort = Assert.IsType<Refused>(await _h.Say("ann", "nominate <@bob> ok"));
        var tooLong = Assert.IsType<Refused>(await _h.Say("ann", "nominate <@bob> " + new string('a', NominationDecider.MaxReason + 1)));

        Assert.Equal((Refusal.NominationReason, "3|300"), (tooShort.Reason, tooShort.Detail));
        Assert.Equal(Refusal.NominationReason, tooLong.Reason);
        Assert.Empty(await Nominations("2026-11"));
    }

    [Fact]
    public async Task TheSameDeliveryTwiceIsOneNominationWithTheFirstAnswer()
    {
        var first = Assert.IsType<NominationMade>(await _h.Say("ann", "nominate <@bob> calm with every caller", delivery: "slack:cmd:ann:t1"));

        var again = Assert.IsType<NominationMade>(await _h.Say("ann", "nominate <@bob> calm with every caller", delivery: "slack:cmd:ann:t1"));

        Assert.True(again.Replayed);
        Assert.Equal(first with { Replayed = true }, again);
        Assert.Single(await Nominations("2026-11"));
    }

    [Fact]
    public async Task HelpListsNominate()
    {
        var help = Assert.IsType<HelpView>(await _h.Say("ann", "help"));
        var view = RecognitionBot.Core.Views.ResultViews.Help(help, RecognitionBot.Core.Views.ViewText.For(Reader.Default("en")));

        Assert.Contains(view.Lines, l => RecognitionBot.Core.Views.ViewText.Plain(l.Spans).Contains("nominate @name", StringComparison.Ordinal));
    }
}
