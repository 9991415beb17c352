using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Dashboard;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Core.Dashboard;

/// <summary>
/// The admins' export: the typed rows of a range of local days in the workspace's zone, from 00:00 of the first day up
/// to, not including, 00:00 of the last. Admins only; a bad range is refused.
/// </summary>
public sealed class ExportingData : IAsyncLifetime
{
    // Rome is UTC+1 in November: 1 November 00:00 there is 31 October 23:00 UTC.
    private static readonly DateTimeOffset FirstInstant = new(2026, 10, 31, 23, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EndInstant = new(2026, 11, 14, 23, 0, 0, TimeSpan.Zero);
    private readonly CoreHarness _h = new(FirstInstant.AddHours(-1));

    public async Task InitializeAsync()
    {
        await _h.Configure(s => s with { TimeZone = "Europe/Rome", Approvers = [new MemberId("max")], PairDailyCap = 100 });
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward add \"Sticker pack\" 5"));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<string> GiveAt(DateTimeOffset at, string giver, string text) => (await KudosAt(at, giver, text)).Id;

    private async Task<RecognitionBot.Core.Kudos.Kudos> KudosAt(DateTimeOffset at, string giver, string text)
    {
        _h.Clock.SetUtcNow(at);
        return Assert.IsType<KudosGiven>(await _h.Say(giver, text)).Kudos;
    }

    private Task<CommandResult> Export(ExportKind kind, string member = "boss") =>
        _h.Do(member, new ExportCommand(kind, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 15)));

    [Fact]
    public async Task ExportsExactlyTheKudosOfTheLocalDays()
    {
        await GiveAt(FirstInstant.AddMinutes(-1), "ann", "<@bob> +5 the last minute of October in Rome");
        var first = await GiveAt(FirstInstant, "ann", "<@bob> +6 =HYPERLINK(\"x\") the first minute #teamwork");
        var last = await GiveAt(EndInstant.AddMinutes(-1), "cat", "<@ann> <@bob> +7 the last minute of the range");
        await GiveAt(EndInstant, "cat", "<@ann> +8 the first minute after it");

        var export = Assert.IsType<ExportView>(await Export(ExportKind.Kudos));

        Assert.Equal([first, last], export.Kudos.Select(k => k.Id));
        Assert.Equal((FirstInstant, EndInstant, "Europe/Rome"), (export.Start, export.End, export.TimeZone));
        var row = export.Kudos[1];
        Assert.Equal((new MemberId("cat"), 7, 14, ConversationKind.Channel), (row.Giver, row.Points, row.Total, row.ConversationKind));
        Assert.Equal(["ann", "bob"], row.Recipients.Select(r => r.Value));
        Assert.Equal(["#teamwork"], export.Kudos[0].Values);
        Assert.Empty(export.Movements);
    }

    [Fact]
    public async Task AnUndoneKudosIsExportedAndMarked()
    {
        var kudos = await KudosAt(FirstInstant.AddHours(1), "ann", "<@bob> +5 oops, the wrong person");
        Assert.False(Assert.Single(Assert.IsType<ExportView>(await Export(ExportKind.Kudos)).Kudos).Withdrawn);
        Assert.IsType<KudosUndone>(await _h.Do("ann", new UndoKudosCommand(kudos.Ref)));

        var row = Assert.Single(Assert.IsType<ExportView>(await Export(ExportKind.Kudos)).Kudos);
        Assert.Equal((kudos.Id, true), (row.Id, row.Withdrawn));
    }

    [Fact]
    public async Task ExportsTheMovementsOfEveryMemberInTheRange()
    {
        await GiveAt(FirstInstant.AddMinutes(-1), "ann", "<@bob> +5 before the range");
        await GiveAt(FirstInstant.AddDays(1), "ann", "<@bob> +6 inside the range");
        await GiveAt(EndInstant, "cat", "<@dan> +8 after the range");

        var export = Assert.IsType<ExportView>(await Export(ExportKind.Movements));

        Assert.Equal(
            [("ann", MovementKind.Given, 6), ("bob", MovementKind.Received, 6)],
            export.Movements.Select(m => (m.Member.Value, m.Kind, m.Points)).OrderBy(m => m.Item1));
        Assert.All(export.Movements, m => Assert.Equal(FirstInstant.AddDays(1), m.At));
    }

    [Fact]
    public async Task ExportsTheRedemptionsRequestedInTheRange()
    {
        await GiveAt(FirstInstant.AddMinutes(-30), "ann", "<@bob> +50 for the whole week of cover");
        _h.Clock.SetUtcNow(FirstInstant.AddMinutes(-1));
        Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem sticker"));
        _h.Clock.SetUtcNow(FirstInstant.AddDays(2));
        var inside = Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem sticker")).Redemption;
        _h.Clock.SetUtcNow(EndInstant);
        Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem sticker"));

        var export = Assert.IsType<ExportView>(await Export(ExportKind.Redemptions));

        var row = Assert.Single(export.Redemptions);
        Assert.Equal((inside.Id, new MemberId("bob"), "Sticker pack", 5, RedemptionState.Pending),
            (row.Id, row.Requester, row.RewardName, row.Cost, row.State));
    }

    [Theory]
    [InlineData(15, 15)]
    [InlineData(15, 1)]
    public async Task AnEmptyOrReversedRangeIsRefused(int from, int to)
    {
        var command = new ExportCommand(ExportKind.Kudos, new DateOnly(2026, 11, from), new DateOnly(2026, 11, to));

        var refused = Assert.IsType<Refused>(await _h.Do("boss", command));

        Assert.Equal(new Refused(Refusal.BadExportRange, "372"), refused);
    }

    [Fact]
    public async Task ARangeLongerThanTheLimitIsRefused() =>
        Assert.Equal(Refusal.BadExportRange, Assert.IsType<Refused>(
            await _h.Do("boss", new ExportCommand(ExportKind.Kudos, new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 10)))).Reason);

    [Fact]
    public async Task OnlyAdminsExport()
    {
        await GiveAt(FirstInstant.AddHours(1), "ann", "<@bob> +5 a private word of thanks --private");

        Assert.Equal(new Refused(Refusal.NotAdmin), await Export(ExportKind.Kudos, member: "ann"));
    }
}
