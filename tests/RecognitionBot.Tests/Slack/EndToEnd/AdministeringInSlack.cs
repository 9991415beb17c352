using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>/kudos admin from Slack: a workspace admin (per users.info) changes the rules; the change takes effect.</summary>
public sealed class AdministeringInSlack : IAsyncLifetime
{
    private const string Admin = "U0009";
    private SlackAppDriver _app = null!;

    public async Task InitializeAsync() => _app = await SlackAppDriver.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<WorkspaceSettings> SettingsAsync() =>
        _app.Host.Services.GetRequiredService<WorkspaceStore>().GetAsync(Workspace, CancellationToken.None);

    [Fact]
    public async Task AWorkspaceOwnerIsAnAdminToo()
    {
        _app.Slack.AddUser("U0006", isOwner: true);

        var said = Said(await _app.CommandAsync("U0006", "admin allowance 150 monthly"));

        Assert.Contains("150", said);
        Assert.Equal(150, (await SettingsAsync()).Allowance);
    }

    [Fact]
    public async Task AllowanceAndValuesChangeTheRules()
    {
        await _app.CommandAsync(Admin, "admin allowance 20 weekly");
        await _app.CommandAsync(Admin, "admin values add #patience");

        var help = Said(await _app.CommandAsync("U0001", "help"));
        Assert.Contains("20 points to give per week", help);
        Assert.Contains("#patience", help);
        var refused = Said(await _app.CommandAsync("U0001", "<@U0002> +30 for the patience with that caller #patience"));
        Assert.Contains("20 points left to give", refused);
    }

    [Fact]
    public async Task AnAgentsManagerGetsTheApprovalCard()
    {
        await _app.CommandAsync(Admin, "admin reward add \"Late start\" 10");
        await _app.CommandAsync(Admin, "admin manager <@U0002> <@U0008>");
        await _app.CommandAsync("U0001", "<@U0002> +10 for covering the early shift");

        await _app.CommandAsync("U0002", "redeem Late start");

        var card = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0008" && c.Body.Contains(SlackActions.Id(ViewVerbs.Approve), StringComparison.Ordinal));
        Assert.Contains("Late start", Said(card.Json));
    }

    [Fact]
    public async Task KudosGivenInADmAreCelebratedInTheChannelTheAdminChose()
    {
        await _app.CommandAsync(Admin, "admin celebrations here", channel: "C0CELEBRATE");

        await _app.CommandAsync("U0001", "<@U0002> +10 for the quiet help today", channel: "D0001");

        var celebration = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "C0CELEBRATE");
        Assert.Contains("<@U0002>", Said(celebration.Json));
    }

    [Fact]
    public async Task TimeZoneIsChecked()
    {
        Assert.Contains("/kudos admin timezone", Said(await _app.CommandAsync(Admin, "admin timezone Mars/Olympus")));
        await _app.CommandAsync(Admin, "admin timezone Europe/Stockholm");
        Assert.Equal("Europe/Stockholm", (await SettingsAsync()).TimeZone);
    }

    [Fact]
    public async Task ABotCannotBeMadeAnApprover()
    {
        var said = Said(await _app.CommandAsync(Admin, "admin approver add <@UDEPLOYBOT>"));

        Assert.Contains("Bots", said);
        Assert.Empty((await SettingsAsync()).Approvers);
    }
}
