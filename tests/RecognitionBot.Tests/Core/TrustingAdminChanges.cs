using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Core;

/// <summary>
/// Admin changes name only people of the workspace, never make the manager mapping loop, and an admin who maps
/// themselves as someone's manager does not get to approve that person's rewards.
/// </summary>
public sealed class TrustingAdminChanges : IAsyncLifetime
{
    private readonly CoreHarness _h = new();

    public async Task InitializeAsync()
    {
        await _h.Configure(s => s with { Approvers = [new MemberId("max")] });
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward add \"Late start\" 10"));
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +50 for the whole week of cover"));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData("admin role manager <@bot>", Refusal.BotRecipient)]
    [InlineData("admin role manager <@gone>", Refusal.LeaverRecipient)]
    [InlineData("admin role manager <@guest>", Refusal.OutsiderRecipient)]
    [InlineData("admin role manager <@stranger>", Refusal.UnknownMember)]
    [InlineData("admin manager <@bob> <@bot>", Refusal.BotRecipient)]
    [InlineData("admin manager <@bob> <@guest>", Refusal.OutsiderRecipient)]
    [InlineData("admin manager <@stranger> <@dan>", Refusal.UnknownMember)]
    [InlineData("admin manager <@gone> <@dan>", Refusal.LeaverRecipient)]
    [InlineData("admin approver add <@guest>", Refusal.OutsiderRecipient)]
    [InlineData("admin admin add <@bot>", Refusal.BotRecipient)]
    [InlineData("admin admin add <@stranger>", Refusal.UnknownMember)]
    public async Task OnlyPeopleOfTheWorkspaceCanBeGivenARole(string command, Refusal expected)
    {
        var before = await _h.AllRows();

        var refused = Assert.IsType<Refused>(await _h.Say("boss", command));

        Assert.Equal(expected, refused.Reason);
        Assert.Equal(before, await _h.AllRows());
    }

    [Fact]
    public async Task AManagerMappingThatWouldLoopIsRefused()
    {
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin manager <@ann> <@bob>"));
        var before = await _h.AllRows();

        var refused = Assert.IsType<Refused>(await _h.Say("boss", "admin manager <@bob> <@ann>"));

        Assert.Equal(Refusal.ManagerCycle, refused.Reason);
        Assert.Equal("ann|bob", refused.Detail);
        Assert.Equal(before, await _h.AllRows());
        Assert.Null((await _h.Member("bob")).Manager);
    }

    [Fact]
    public async Task ALongerLoopIsRefusedTooAndAChainIsFine()
    {
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin manager <@ann> <@bob>"));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin manager <@bob> <@cat>"));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin manager <@cat> <@dan>"));
        var before = await _h.AllRows();

        var refused = Assert.IsType<Refused>(await _h.Say("boss", "admin manager <@dan> <@ann>"));

        Assert.Equal(Refusal.ManagerCycle, refused.Reason);
        Assert.Equal(before, await _h.AllRows());
        // Re-pointing within the chain without closing a loop is allowed.
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin manager <@ann> <@dan>"));
    }

    [Fact]
    public async Task AnAdminWhoMapsThemselvesAsManagerDoesNotGetTheRequest()
    {
        await _h.Configure(s => s with { Approvers = [new MemberId("max"), new MemberId("boss")] });
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin manager <@bob> <@boss>"));

        var requested = Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem Late start"));

        Assert.Equal([new MemberId("max")], requested.Redemption.Approvers);
        var card = Assert.Single(await _h.PendingPosts(), p => p.Post is ApprovalRequestPost);
        Assert.Equal(new ToMember(new MemberId("max")), card.Target);
    }

    [Fact]
    public async Task AnAdminWhoMappedThemselvesCannotDecideEvenAsAWorkspaceApprover()
    {
        await _h.Configure(s => s with { Approvers = [new MemberId("max"), new MemberId("boss")] });
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin manager <@bob> <@boss>"));
        var id = Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem Late start")).Redemption.Id;
        var before = await _h.AllRows();

        var refused = Assert.IsType<Refused>(await _h.Do("boss", new DecideRedemptionCommand(id, true, null)));
        var check = await _h.Recognition.CheckDecisionAsync(CoreHarness.As("boss"), id, CancellationToken.None);

        Assert.Equal(Refusal.SelfMappedApprover, refused.Reason);
        Assert.Equal(Refusal.SelfMappedApprover, Assert.IsType<Refused>(check).Reason);
        Assert.Equal(before, await _h.AllRows());
        Assert.Equal(RedemptionChange.Approved, Assert.IsType<RedemptionView>(await _h.Do("max", new DecideRedemptionCommand(id, true, null))).Change);
    }

    [Fact]
    public async Task AManagerMappedByAnotherAdminApproves()
    {
        await _h.Configure(s => s with { Admins = [new MemberId("dan")] });
        Assert.IsType<AdminDone>(await _h.Say("dan", "admin manager <@bob> <@boss>"));

        var requested = Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem Late start"));

        Assert.Equal([new MemberId("boss")], requested.Redemption.Approvers);
        Assert.Equal(new MemberId("dan"), (await _h.Member("bob")).ManagerSetBy);
        Assert.Equal(RedemptionChange.Approved,
            Assert.IsType<RedemptionView>(await _h.Do("boss", new DecideRedemptionCommand(requested.Redemption.Id, true, null))).Change);
    }

    [Fact]
    public async Task WithNoOtherApproverTheSelfMappedRequestIsRefusedAndHoldsNothing()
    {
        await _h.Configure(s => s with { Approvers = [new MemberId("boss")] });
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin manager <@bob> <@boss>"));
        var before = await _h.AllRows();

        Assert.Equal(Refusal.NoApprover, Assert.IsType<Refused>(await _h.Say("bob", "redeem Late start")).Reason);
        Assert.Equal(before, await _h.AllRows());
    }

    [Fact]
    public async Task TheMappingRecordsWhoSetIt()
    {
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin manager <@bob> <@dan>"));

        var entry = Assert.Single(await _h.AuditLog(), e => e.Action == AuditAction.Manager);

        Assert.Equal(new MemberId("boss"), (await _h.Member("bob")).ManagerSetBy);
        Assert.Equal((new MemberId("boss"), "bob", null, "dan"), (entry.Actor, entry.Subject, entry.Before, entry.After));
    }
}
