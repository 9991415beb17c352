using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos.Leaderboard;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Core;

public sealed class ReadingTheLedger : IAsyncLifetime
{
    private readonly CoreHarness _h = new(new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task TheLeaderboardRanksByKudosReceivedInThePeriodWithTheTopValue()
    {
        // Earlier this month, in another week; then a Wednesday two weeks later.
        await _h.Say("ann", "<@cat> +5 early in the month #ownership");
        await _h.Say("dan", "<@cat> +5 early in the month #ownership");
        _h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));
        await _h.Say("ann", "<@bob> +10 this week #empathy");
        await _h.Say("cat", "<@bob> +10 this week too #empathy");
        await _h.Say("dan", "<@bob> +10 this week as well #teamwork");
        await _h.Say("ann", "<@eve> +30 a private one this week --private");

        var week = Assert.IsType<LeaderboardView>(await _h.Say("fay", "leaderboard week"));
        var month = Assert.IsType<LeaderboardView>(await _h.Say("fay", "leaderboard month"));
        var all = Assert.IsType<LeaderboardView>(await _h.Say("fay", "leaderboard all"));

        Assert.Equal([new LeaderboardEntry(new MemberId("bob"), 3, 30, "#empathy")], week.Entries);
        Assert.Equal(["bob", "cat"], month.Entries.Select(e => e.Member.Value));
        Assert.Equal(new LeaderboardEntry(new MemberId("cat"), 2, 10, "#ownership"), month.Entries[1]);
        Assert.Equal(["bob", "cat"], all.Entries.Select(e => e.Member.Value));
        Assert.DoesNotContain(all.Entries, e => e.Member.Value == "eve");
    }

    [Fact]
    public async Task HistoryListsTheLastTwentyMovementsNewestFirst()
    {
        for (var i = 0; i < 25; i++)
        {
            _h.Clock.Advance(TimeSpan.FromMinutes(1));
            await _h.Say(i % 2 == 0 ? "ann" : "cat", $"<@bob> +1 thanks number {i}");
        }

        var history = Assert.IsType<HistoryView>(await _h.Say("bob", "history"));

        Assert.Equal(20, history.Movements.Count);
        Assert.All(history.Movements, m => Assert.Equal(MovementKind.Received, m.Kind));
        Assert.Equal("thanks number 24", history.Movements[0].Note);
        Assert.True(history.Movements.Zip(history.Movements.Skip(1)).All(p => p.First.At > p.Second.At));
    }

    [Fact]
    public async Task TheBalanceShowsAllowanceResetPointsAndTheLastFiveKudosReceived()
    {
        for (var i = 0; i < 7; i++)
        {
            _h.Clock.Advance(TimeSpan.FromMinutes(1));
            await _h.Say("ann", $"<@bob> +2 small thanks {i}");
        }
        await _h.Say("bob", "<@cat> +3 passing it on");

        var balance = Assert.IsType<BalanceView>(await _h.Say("bob", "me"));

        Assert.Equal(14, balance.Balance.Available);
        Assert.Equal(3, balance.Allowance.Used);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), balance.Allowance.ResetsAt);
        Assert.Equal(5, balance.RecentKudos.Count);
        Assert.Equal("small thanks 6", balance.RecentKudos[0].Note);
    }

    [Fact]
    public async Task HelpShowsTheWorkspaceRulesAndValues()
    {
        await _h.Say("boss", "admin values add #patience");

        var help = Assert.IsType<HelpView>(await _h.Say("ann", "help"));

        Assert.Contains("#patience", help.Values);
        Assert.Equal((100, 10, 100, 10, 50), (help.Allowance, help.DefaultPoints, help.MaxPoints, help.MaxRecipients, help.PairDailyCap));
    }
}

public sealed class AdministeringAWorkspace : IAsyncLifetime
{
    private readonly CoreHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData("admin reward add \"Spa day\" 300")]
    [InlineData("admin allowance 500")]
    [InlineData("admin values add #speed")]
    [InlineData("admin approver add <@ann>")]
    [InlineData("admin role manager <@ann>")]
    [InlineData("admin timezone Europe/Rome")]
    public async Task RefusesMembersWhoAreNotAdminsAndChangesNothing(string text)
    {
        var before = await _h.Snapshot();
        var settings = await _h.Workspaces.GetAsync(CoreHarness.Workspace, default);

        Assert.Equal(Refusal.NotAdmin, Assert.IsType<Refused>(await _h.Say("ann", text)).Reason);

        Assert.Equal(before, await _h.Snapshot());
        _h.Workspaces.Invalidate(CoreHarness.Workspace);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(settings),
            System.Text.Json.JsonSerializer.Serialize(await _h.Workspaces.GetAsync(CoreHarness.Workspace, default)));
    }

    [Fact]
    public async Task AdminsChangeTheWorkspaceRules()
    {
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin allowance 40 weekly"));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin values remove #teamwork"));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin values add #patience"));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin approver add <@max>"));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin timezone America/New_York"));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin role manager <@kim>"));

        _h.Workspaces.Invalidate(CoreHarness.Workspace);
        var s = await _h.Workspaces.GetAsync(CoreHarness.Workspace, default);
        Assert.Equal((40, AllowancePeriod.Weekly, "America/New_York"), (s.Allowance, s.AllowancePeriod, s.TimeZone));
        Assert.Contains("#patience", s.Values);
        Assert.DoesNotContain("#teamwork", s.Values);
        Assert.Equal([new MemberId("max")], s.Approvers);
        Assert.True((await _h.Member("kim")).IsManager);
        Assert.Equal(Refusal.ValueExists, Assert.IsType<Refused>(await _h.Say("boss", "admin values add #patience")).Reason);
        Assert.Equal(Refusal.BotRecipient, Assert.IsType<Refused>(await _h.Say("boss", "admin approver add <@bot>")).Reason);
    }

    [Fact]
    public async Task AdminsAddOtherAdminsButNeverRemoveTheLastOne()
    {
        Assert.Equal(Refusal.NotAdmin, Assert.IsType<Refused>(await _h.Say("ann", "admin allowance 50")).Reason);
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin admin add <@ann>"));
        Assert.IsType<AdminDone>(await _h.Say("ann", "admin allowance 50"));

        Assert.IsType<AdminDone>(await _h.Say("boss", "admin admin add <@cat>"));
        Assert.IsType<AdminDone>(await _h.Say("ann", "admin admin remove <@cat>"));
        Assert.Equal(Refusal.LastAdmin, Assert.IsType<Refused>(await _h.Say("ann", "admin admin remove <@ann>")).Reason);
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin admin remove <@ann>")); // boss is a platform admin: not the last
        Assert.Equal(Refusal.NotAdmin, Assert.IsType<Refused>(await _h.Say("ann", "admin allowance 60")).Reason);
    }

    [Fact]
    public async Task TextThatIsNotACommandIsExplainedAndChangesNothing()
    {
        var before = await _h.Snapshot();

        var result = Assert.IsType<NotUnderstood>(await _h.Say("ann", "<@bob> +ten thanks"));

        Assert.Equal(ParseError.BadPoints, result.Error);
        Assert.Equal(before, await _h.Snapshot());
    }

    [Fact]
    public async Task APeriodsLeaderboardSkipsPrivatePeopleEvenWhenTheyHoldTheFirstTwentyPlaces()
    {
        // 25 people with one kudos each rank by name; the first 21 chose privacy, so the ranking must read past
        // the first twenty it looks at and still find the four who are public.
        for (var i = 1; i <= 25; i++) await _h.Say(i % 2 == 0 ? "ann" : "dan", $"<@p{i:00}> +1 thanks");
        for (var i = 1; i <= 21; i++) Assert.IsType<SettingsView>(await _h.Say($"p{i:00}", "settings private on"));

        var month = Assert.IsType<LeaderboardView>(await _h.Say("fay", "leaderboard month"));

        Assert.Equal(["p22", "p23", "p24", "p25"], month.Entries.Select(e => e.Member.Value));
    }

    [Fact]
    public async Task TheHomesLeaderboardIsReadAtMostOnceAMinuteAndTheCommandAlwaysFresh()
    {
        var recent = _h.Services.GetRequiredService<RecentLeaderboards>();
        var settings = await _h.Workspaces.GetAsync(CoreHarness.Workspace, CancellationToken.None);
        await _h.Say("ann", "<@bob> +5 thanks");
        Assert.Equal(["bob"], (await recent.GetAsync(CoreHarness.Workspace, LeaderboardPeriod.Month, settings, default)).Entries.Select(e => e.Member.Value));

        await _h.Say("ann", "<@cat> +5 thanks");
        await _h.Say("dan", "<@cat> +5 thanks");
        _h.Clock.Advance(TimeSpan.FromSeconds(59));

        Assert.Equal(["bob"], (await recent.GetAsync(CoreHarness.Workspace, LeaderboardPeriod.Month, settings, default)).Entries.Select(e => e.Member.Value));
        Assert.Equal(["cat", "bob"], Assert.IsType<LeaderboardView>(await _h.Say("fay", "leaderboard month")).Entries.Select(e => e.Member.Value));
        _h.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(["cat", "bob"], (await recent.GetAsync(CoreHarness.Workspace, LeaderboardPeriod.Month, settings, default)).Entries.Select(e => e.Member.Value));
    }
}
