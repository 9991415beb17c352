using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Core;

/// <summary>
/// Every admin change and approval decision leaves one audit row (who, what, before and after, when) beside the
/// change itself; a refused change leaves none; <c>admin log</c> shows the latest, to admins only.
/// </summary>
public sealed class AuditingAdminChanges : IAsyncLifetime
{
    private static readonly ConversationRef Floor = new("C-floor", ConversationKind.Channel);
    private readonly CoreHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData("admin allowance 20 weekly", AuditAction.Allowance, null, "100 monthly", "20 weekly")]
    [InlineData("admin values add #patience", AuditAction.ValueAdded, "#patience",
        "#empathy #ownership #teamwork #customer-first #above-and-beyond", "#empathy #ownership #teamwork #customer-first #above-and-beyond #patience")]
    [InlineData("admin values remove #teamwork", AuditAction.ValueRemoved, "#teamwork",
        "#empathy #ownership #teamwork #customer-first #above-and-beyond", "#empathy #ownership #customer-first #above-and-beyond")]
    [InlineData("admin approver add <@dan>", AuditAction.ApproverAdded, "dan", null, "dan")]
    [InlineData("admin admin add <@dan>", AuditAction.AdminAdded, "dan", null, "dan")]
    [InlineData("admin manager <@bob> <@dan>", AuditAction.Manager, "bob", null, "dan")]
    [InlineData("admin role manager <@dan>", AuditAction.Role, "dan", "member", "manager")]
    [InlineData("admin timezone Europe/Rome", AuditAction.TimeZone, null, "UTC", "Europe/Rome")]
    [InlineData("admin celebrations here", AuditAction.CelebrationChannel, null, null, "C-floor")]
    [InlineData("admin reward add \"Team lunch\" 300 --stock 2", AuditAction.RewardAdded, "Team lunch", null, "300 --stock 2")]
    [InlineData("digest on friday 16:00 Europe/Rome", AuditAction.DigestOn, "C-floor", null, "Friday 16:00 Europe/Rome")]
    public async Task EachAdminChangeWritesOneRowWithBeforeAndAfter(string command, AuditAction action, string? subject, string? before, string? after)
    {
        _h.Clock.Advance(TimeSpan.FromMinutes(3));

        Assert.IsNotType<Refused>(await _h.Say("boss", command, Floor));

        var entry = Assert.Single(await _h.AuditLog());
        Assert.Equal((new MemberId("boss"), action, subject, before, after), (entry.Actor, entry.Action, entry.Subject, entry.Before, entry.After));
        Assert.Equal(_h.Clock.GetUtcNow(), entry.At);
        Assert.Single(StorageSnapshot.AuditRows(await _h.AllRows()));
    }

    [Fact]
    public async Task RemovalsAndDigestOffAreOnTheRecordToo()
    {
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward add \"Team lunch\" 300"));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin approver add <@dan>"));
        Assert.IsType<DigestSubscriptionView>(await _h.Say("boss", "digest on", Floor));
        _h.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward remove team-lunch"));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin approver remove <@dan>"));
        Assert.IsType<DigestSubscriptionView>(await _h.Say("boss", "digest off", Floor));

        var latest = (await _h.AuditLog()).Take(3).Select(e => (e.Action, e.Before, e.After)).ToHashSet();
        Assert.Equal([(AuditAction.RewardRemoved, "300", null), (AuditAction.ApproverRemoved, "dan", null), (AuditAction.DigestOff, null, null)], latest);
    }

    [Fact]
    public async Task ApprovalDecisionsAreRecordedWithTheDecision()
    {
        await _h.Configure(s => s with { Approvers = [new MemberId("max")] });
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward add \"Late start\" 10"));
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +50 for the whole week of cover"));
        var first = Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem Late start")).Redemption.Id;
        var second = Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem Late start")).Redemption.Id;
        var third = Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem Late start")).Redemption.Id;

        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        await _h.Do("max", new DecideRedemptionCommand(first, true, null));
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        await _h.Do("max", new DecideRedemptionCommand(second, false, "Not this week"));
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        await _h.Say("bob", $"cancel {third}");

        var log = await _h.AuditLog();
        Assert.Equal([AuditAction.Rejected, AuditAction.Approved, AuditAction.RewardAdded], log.Select(e => e.Action));
        Assert.Equal((new MemberId("max"), "bob", "Pending", "Rejected"), (log[0].Actor, log[0].Subject, log[0].Before, log[0].After));
        Assert.Equal($"Late start ({second}): Not this week", log[0].Note);
    }

    [Theory]
    [InlineData("ann", "admin allowance 20 weekly")]
    [InlineData("ann", "digest on")]
    [InlineData("ann", "digest off")]
    [InlineData("boss", "admin values add #empathy")]
    [InlineData("boss", "admin values remove #nothing")]
    [InlineData("boss", "admin approver add <@bot>")]
    [InlineData("boss", "admin manager <@bob> <@bob>")]
    [InlineData("boss", "admin reward remove no-such-reward")]
    [InlineData("boss", "admin celebrations here")]
    public async Task ARefusedChangeWritesNothing(string who, string command)
    {
        Assert.IsType<DigestSubscriptionView>(await _h.Say("boss", "digest on", Floor));
        var before = await _h.AllRows();

        // "celebrations here" from a DM has no channel to name.
        var where = command.Contains("celebrations", StringComparison.Ordinal) ? new ConversationRef("D-boss", ConversationKind.Direct) : Floor;
        Assert.IsType<Refused>(await _h.Say(who, command, where));

        Assert.Equal(before, await _h.AllRows());
    }

    [Fact]
    public async Task SwitchingOffADigestThatWasNeverOnWritesNothing()
    {
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin allowance 20"));
        var before = await _h.AllRows();

        Assert.False(Assert.IsType<DigestSubscriptionView>(await _h.Say("boss", "digest off", Floor)).Subscribed);

        Assert.Equal(before, await _h.AllRows());
    }

    [Fact]
    public async Task AChangeThatChangesNothingIsNotLogged()
    {
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin approver add <@dan>"));
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin role manager <@dan>"));

        Assert.IsType<AdminDone>(await _h.Say("boss", "admin approver add <@dan>"));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin role manager <@dan>"));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin approver remove <@eve>"));

        Assert.Equal([AuditAction.Role, AuditAction.ApproverAdded], (await _h.AuditLog()).Select(e => e.Action));
    }

    [Fact]
    public async Task TheLogShowsTheLatestNewestFirstTenByDefault()
    {
        for (var i = 1; i <= 12; i++)
        {
            _h.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.IsType<AdminDone>(await _h.Say("boss", $"admin allowance {100 + i}"));
        }
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin role manager <@dan>"));

        var ten = Assert.IsType<AuditLogView>(await _h.Say("boss", "admin log"));
        var three = Assert.IsType<AuditLogView>(await _h.Say("boss", "admin log 3"));

        Assert.Equal(10, ten.Entries.Count);
        Assert.Equal(AuditAction.Role, ten.Entries[0].Action);
        Assert.Equal("112 monthly", ten.Entries[1].After);
        Assert.True(ten.Entries.Zip(ten.Entries.Skip(1)).All(p => p.First.At > p.Second.At));
        Assert.Equal(["manager", "112 monthly", "111 monthly"], three.Entries.Select(e => e.After));
        Assert.Equal(13, (await _h.AuditLog(50)).Count);
    }

    [Theory]
    [InlineData("admin log 0", "0")]
    [InlineData("admin log 51", "51")]
    [InlineData("admin log lots", "lots")]
    public async Task ABadCountIsExplained(string command, string detail)
    {
        var refused = Assert.IsType<NotUnderstood>(await _h.Say("boss", command));

        Assert.Equal((ParseError.BadLogCount, detail), (refused.Error, refused.Detail));
    }

    [Fact]
    public async Task OnlyAdminsReadTheLog()
    {
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin allowance 20"));

        Assert.Equal(Refusal.NotAdmin, Assert.IsType<Refused>(await _h.Say("ann", "admin log")).Reason);
    }
}
