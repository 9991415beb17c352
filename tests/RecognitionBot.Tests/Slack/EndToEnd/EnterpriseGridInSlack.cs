using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Infrastructure;
using RecognitionBot.Tests.Slack.Fakes;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>
/// An org-wide Enterprise Grid install (one token, stored under the enterprise) serves every team of the
/// organisation: commands from any team are answered, and the directory, roster and outbox find the same token.
/// </summary>
public sealed class EnterpriseGridInSlack : IAsyncLifetime
{
    private const string Enterprise = "E0001";
    private const string OrgToken = "xoxb-org-wide";
    private const string SecondTeam = "T0002";
    private const string SecondChannel = "C0002";
    private static readonly WorkspaceId SecondWorkspace = SlackWorkspace.Id(SecondTeam);
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync(SlackInstallFlow.Settings());
        SlackInstallFlow.SlackKnowsCode(_host.Slack, "code-org", "", OrgToken, enterprise: Enterprise, orgWide: true);
        await SlackInstallFlow.InstallAsync(_host, "code-org");
        // Grid users carry their organisation; a colleague's home team may be another team of it.
        _host.Slack.AddUser("UG1", team: SecondTeam, enterprise: Enterprise);
        _host.Slack.AddUser("UG2", team: "T0001", enterprise: Enterprise);
        // Someone of another Grid organisation, in a Slack Connect channel.
        _host.Slack.AddUser("UX1", team: "TOTHER", enterprise: "E0099");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AnOrgWideInstallGivesKudosAndPostsFromASecondTeam()
    {
        var reply = await CommandAsync("UG1", "<@UG2> +10 thanks for covering the Monday queue");

        Assert.Contains("<@UG2>", SlackAppDriver.Said(reply));
        Assert.Equal(10, (await BalanceAsync("UG2")).Balance.Available);
        var celebration = await _host.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == SecondChannel);
        Assert.Equal(OrgToken, celebration.Token);
        var dm = await _host.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DUG2");
        Assert.Equal(OrgToken, dm.Token);
        Assert.All(_host.Slack.CallsTo("users.info"), c => Assert.Equal(OrgToken, c.Token));
    }

    [Fact]
    public async Task AnotherInstanceFindsTheOrgWideTokenForTheTeamWithoutAnyRequest()
    {
        await CommandAsync("UG1", "balance");

        // E.g. the outbox sweep of another instance, or this one after a restart: it only knows the workspace.
        await using var other = await SlackTestHost.StartAsync(SlackInstallFlow.Settings(), tablePrefix: _host.TablePrefix);
        other.Slack.AddUser("UG1", team: SecondTeam, enterprise: Enterprise);
        var directory = other.Services.GetServices<IMemberDirectory>().Single(d => d.Platform == Platform.Slack);

        var profile = await directory.FindAsync(SecondWorkspace, new MemberId("UG1"), CancellationToken.None);

        Assert.NotNull(profile);
        Assert.False(profile.IsOutsider);
        Assert.Equal(OrgToken, Assert.Single(other.Slack.CallsTo("users.info")).Token);
    }

    [Fact]
    public async Task SomeoneOfAnotherGridOrganisationIsAnOutsiderAndNothingChanges()
    {
        var before = await StorageSnapshot.LedgerAsync(Tables, SecondWorkspace);

        var reply = await CommandAsync("UG1", "<@UX1> +10 thanks for the shared incident");

        Assert.Contains(Texts.For("en").Format("Refusal.OutsiderRecipient", "<@UX1>"), SlackAppDriver.Said(reply));
        Assert.Equal(before, await StorageSnapshot.LedgerAsync(Tables, SecondWorkspace));
    }

    [Fact]
    public async Task ATeamOfAnotherEnterpriseGetsNoToken()
    {
        var before = await StorageSnapshot.LedgerAsync(Tables, SlackWorkspace.Id("T0777"));

        var reply = await CommandAsync("UX1", "<@UG1> +10 thanks", team: "T0777", enterprise: "E0099");

        Assert.Equal(SlackTexts.Get(SlackTexts.CommandUnavailable), reply.GetProperty("text").GetString());
        Assert.Empty(_host.Slack.CallsTo("users.info"));
        Assert.Equal(before, await StorageSnapshot.LedgerAsync(Tables, SlackWorkspace.Id("T0777")));
    }

    [Theory]
    [InlineData(SecondTeam, Enterprise, true)]
    [InlineData("T0777", "E0099", false)]
    public async Task AClickFromATeamOfTheOrganisationIsAnsweredAndFromAnotherOrganisationIsNot(string team, string enterprise, bool answered)
    {
        var before = await StorageSnapshot.LedgerAsync(Tables, SlackWorkspace.Id(team));
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "UG1", ["team_id"] = team },
            ["team"] = new JsonObject { ["id"] = team },
            ["enterprise"] = new JsonObject { ["id"] = enterprise },
            ["is_enterprise_install"] = true,
            ["response_url"] = new Uri(_host.Slack.BaseUrl, "api/response_url.UG1").AbsoluteUri,
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1.000001", ["channel_id"] = SecondChannel },
            ["actions"] = new JsonArray(
                new JsonObject { ["action_id"] = SlackActions.Id(ViewVerbs.Cancel), ["value"] = "no-such-request", ["type"] = "button" }),
        };

        var response = await _host.PostFormAsync("/slack/interactions", new Dictionary<string, string> { ["payload"] = payload.ToJsonString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The org-wide token was found for the team: the clicker is told the request does not exist. Otherwise: silence.
        if (answered)
        {
            var told = await _host.Slack.WaitForCallAsync("response_url.UG1");
            Assert.Contains(Texts.For("en")["Refusal.UnknownRedemption"], SlackAppDriver.Said(told.Json));
            Assert.All(_host.Slack.CallsTo("users.info"), c => Assert.Equal(OrgToken, c.Token));
        }
        else
        {
            Assert.Empty(_host.Slack.CallsTo("response_url.UG1"));
            Assert.Empty(_host.Slack.CallsTo("users.info"));
            Assert.Equal(before, await StorageSnapshot.LedgerAsync(Tables, SlackWorkspace.Id(team)));
        }
    }

    private RecognitionBot.Core.Storage.TableStore Tables => _host.Services.GetRequiredService<RecognitionBot.Core.Storage.TableStore>();

    private async Task<BalanceView> BalanceAsync(string user)
    {
        var settings = await _host.Services.GetRequiredService<WorkspaceStore>().GetAsync(SecondWorkspace, CancellationToken.None);
        return await _host.Services.GetRequiredService<ILedger>().GetBalanceAsync(SecondWorkspace, new MemberId(user), settings, CancellationToken.None);
    }

    /// <summary>A /kudos as Slack sends it from a team of an org-wide install: the enterprise named, is_enterprise_install on.</summary>
    private async Task<JsonElement> CommandAsync(string user, string text, string team = SecondTeam, string enterprise = Enterprise)
    {
        var fields = SlackTestHost.CommandFields(text, user, SecondChannel, team);
        fields["enterprise_id"] = enterprise;
        fields["is_enterprise_install"] = "true";
        fields["response_url"] = new Uri(_host.Slack.BaseUrl, $"api/response_url.{user}").AbsoluteUri;
        var sentAt = DateTimeOffset.UtcNow;
        var response = await _host.PostFormAsync("/slack/commands", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await _host.FinalAnswerAsync(response, user, sentAt);
    }
}

/// <summary>A configured <c>Slack:BotToken</c> acts only for the team auth.test says it belongs to.</summary>
public sealed class TheConfiguredBotTokenServesOneTeam : IAsyncLifetime
{
    private SlackAppDriver _app = null!;

    public async Task InitializeAsync() => _app = await SlackAppDriver.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnotherTeamIsRefusedAndNothingChanges()
    {
        var foreign = SlackWorkspace.Id("T0666");
        var before = await _app.PartitionAsync(foreign);

        var answer = await _app.AnswerAsync("U0001", "<@U0002> +10 thanks", team: "T0666");

        Assert.Equal(SlackTexts.Get(SlackTexts.CommandUnavailable), answer.GetProperty("text").GetString());
        Assert.Equal(before, await _app.PartitionAsync(foreign));
        Assert.Empty(_app.Slack.CallsTo("users.info"));
        Assert.Empty(_app.Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task ItsOwnTeamIsServedAndAuthTestIsAskedOnce()
    {
        await _app.AnswerAsync("U0001", "<@U0002> +10 thanks for the handover");
        await _app.AnswerAsync("U0001", "balance");
        await _app.AnswerAsync("U0001", "balance", team: "T0666");

        Assert.Equal(10, (await _app.BalanceAsync("U0002")).Balance.Available);
        Assert.Equal(SlackTestHost.BotToken, Assert.Single(_app.Slack.CallsTo("auth.test")).Token);
    }

    [Fact]
    public async Task AnOrgWideConfiguredTokenServesEveryTeamOfItsEnterpriseOnly()
    {
        _app.Slack.Tokens[
            SlackTestHost.BotToken] = new() { ["team_id"] = "T0001", ["enterprise_id"] = "E0001", ["is_enterprise_install"] = true, ["user_id"] = "UBOT" };
        var installations = _app.Host.Services.GetRequiredService<SlackInstallations>();

        Assert.NotNull(await installations.BotForAsync("T0002", "E0001"));
        Assert.Null(await installations.BotForAsync("T0003", "E0002"));
        Assert.Null(await installations.BotForAsync("T0004", null));
    }
}
