using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>
/// Who may run <c>admin</c> commands in Teams: the Entra object ids in <c>Teams:Admins</c> (Ann, in the test host)
/// and the members of the group <c>Teams:AdminGroupId</c>, asked of Graph's <c>checkMemberGroups</c> and remembered.
/// Installing the app grants nothing.
/// </summary>
public sealed class AdministeringInTeams(TeamsTestHost host) : IClassFixture<TeamsTestHost>
{
    private readonly TeamsScenario _teams = new TeamsScenario(host).WithRoster();

    private Task<WorkspaceSettings> Settings() => host.Services.GetRequiredService<WorkspaceStore>().GetAsync(Workspace, CancellationToken.None);

    private IEnumerable<FakeGraph.GraphCall> GroupChecksOf(TestUser user) =>
        host.Graph.Calls.Where(c => c.Path == $"/v1.0/users/{user.AadId}/checkMemberGroups");

    [Fact]
    public async Task TheConfiguredAdminMayAdminister()
    {
        var reply = await _teams.SayAsync(Ann, Personal(Ann), "admin values add #calm");

        Assert.Contains("#calm", reply.Card().AllText());
        Assert.Contains("#calm", (await Settings()).Values);
    }

    [Fact]
    public async Task AMemberOfTheAdminGroupMayAdministerAndGraphIsAskedOnce()
    {
        host.Graph.AddToGroup(TestActivities.Tenant, Mia.AadId, TeamsTestHost.AdminGroup);

        var first = await _teams.SayAsync(Mia, Personal(Mia), "admin values add #grit");
        var second = await _teams.SayAsync(Mia, Personal(Mia), "admin values remove #grit");

        Assert.Contains("#grit", first.Card().AllText());
        Assert.Contains("#grit", second.Card().AllText());
        Assert.DoesNotContain("#grit", (await Settings()).Values);
        // Asked app-only in the customer's tenant, then answered from the cache.
        var check = Assert.Single(GroupChecksOf(Mia));
        Assert.Equal($"Bearer {FakeTokenEndpoint.TokenFor(TestActivities.Tenant, "https://graph.microsoft.com/.default")}", check.Authorization);
    }

    [Fact]
    public async Task SomeoneOutsideTheGroupIsRefusedAndNothingChanges()
    {
        // Dan's first message stores where to reach him (and his locale); the refused command must add nothing to that.
        await _teams.SayAsync(Dan, Personal(Dan), "help");
        var before = await host.SnapshotAsync(Workspace);

        var reply = await _teams.SayAsync(Dan, Personal(Dan), "admin allowance 1000");

        Assert.Contains("Only workspace admins", reply.Card().AllText());
        Assert.Equal(before, await host.SnapshotAsync(Workspace));
        Assert.NotEmpty(GroupChecksOf(Dan));
    }

    [Fact]
    public async Task APersonalScopeInstallGrantsNothing()
    {
        // Cat installs the app for herself, as the Agents Playground and Teams do: both events, in her 1:1 chat.
        using (await _teams.SendAsync(_teams.Event(ActivityTypes.InstallationUpdate, Cat, Personal(Cat), action: "add"))) { }
        using (await _teams.SendAsync(_teams.Event(ActivityTypes.ConversationUpdate, Cat, Personal(Cat), added: [Bot]))) { }
        var settings = await Settings();

        var reply = await _teams.SayAsync(Cat, Personal(Cat), "admin approver add @dan");

        Assert.Contains("Only workspace admins", reply.Card().AllText());
        var after = await Settings();
        Assert.DoesNotContain(Cat.Member, after.Admins);
        Assert.Equal(settings.Admins, after.Admins);
        Assert.DoesNotContain(Dan.Member, after.Approvers);
    }
}
