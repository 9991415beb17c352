using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>
/// What a genuine Bot Framework token does not prove: that the activity is Teams' and of a tenant this deployment
/// serves. Each attack is a kudos that would move points, answered 403 with nothing stored and nothing posted.
/// (The same kudos from the served tenant is accepted: <see cref="GivingKudosInTeams"/>.)
/// </summary>
public sealed class TrustingTeamsActivities(TeamsTestHost host) : IClassFixture<TeamsTestHost>
{
    private static readonly WorkspaceId Foreign = new(Platform.Teams, TeamsTestHost.ForeignTenant);
    private readonly TeamsScenario _teams = new TeamsScenario(host).WithRoster();

    private Activity Kudos(TestUser from) => _teams.Message(from, Channel(NewChannel(), "1"), "kudos @bob +10 thanks for covering my whole shift");

    private async Task AssertRefusedAndNothingChanged(Activity activity, string? token = null)
    {
        var before = await host.SnapshotAsync(Workspace, Foreign);
        var calls = host.Connector.Calls.Count;

        using var response = await host.PostActivityAsync(activity, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Task.Delay(300);
        Assert.Equal(before, await host.SnapshotAsync(Workspace, Foreign));
        Assert.Equal(calls, host.Connector.Calls.Count);
    }

    [Fact]
    public Task RefusesAWebchatTokenWithAWebchatActivity() =>
        // A Direct Line client holds a genuine token for webchat and chooses from, conversation and channelData itself.
        AssertRefusedAndNothingChanged(Kudos(Ann) with { ChannelId = "webchat" },
            host.Identity.Mint(TeamsTestHost.AppId, host.Connector.ServiceUrl, key: host.Identity.OtherChannelKey));

    [Fact]
    public Task RefusesAnotherChannelEvenWithAKeyEndorsedForIt() =>
        // The Teams key is also endorsed for skype: endorsement alone does not make an activity Teams'.
        AssertRefusedAndNothingChanged(Kudos(Ann) with { ChannelId = "skype" });

    [Theory]
    [InlineData(TeamsTestHost.ForeignTenant, TeamsTestHost.ForeignTenant)] // a tenant the app does not serve
    [InlineData(TeamsTestHost.BotTenant, TeamsTestHost.BotTenant)] // the bot's own, when only a customer tenant is listed
    [InlineData(TestActivities.Tenant, TeamsTestHost.ForeignTenant)] // conversation and channelData disagree
    [InlineData(TeamsTestHost.ForeignTenant, TestActivities.Tenant)]
    [InlineData(null, null)] // no tenant at all
    public Task RefusesAnActivityOfATenantNotServed(string? conversationTenant, string? channelDataTenant) =>
        AssertRefusedAndNothingChanged(InTenant(Kudos(Ann), conversationTenant, channelDataTenant));

    internal static Activity InTenant(Activity activity, string? conversationTenant, string? channelDataTenant) => activity with
    {
        Conversation = activity.Conversation! with { TenantId = conversationTenant },
        ChannelData = activity.ChannelData! with { Tenant = channelDataTenant is null ? null : new TenantInfo(channelDataTenant) },
    };
}

/// <summary><c>Teams:AllowedTenants</c> "*": an explicit choice to serve every tenant, each in its own workspace.</summary>
public sealed class ServingEveryTenant : IAsyncLifetime
{
    private const string EveryTenantWarning = "Teams:AllowedTenants is \"*\": activities of every Microsoft 365 tenant are served";

    private readonly TeamsTestHost _host = new(authenticated: true, new Dictionary<string, string?> { ["Teams:AllowedTenants:0"] = "*" }, recordLogs: true);

    public Task InitializeAsync() => ((IAsyncLifetime)_host).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_host).DisposeAsync();

    [Fact]
    public async Task AcceptsAnotherTenantIntoItsOwnWorkspace()
    {
        var activity = TrustingTeamsActivities.InTenant(TestActivities.Message(_host.Connector.ServiceUrl, "help"),
            TeamsTestHost.ForeignTenant, TeamsTestHost.ForeignTenant);
        var before = await _host.SnapshotAsync(Workspace);

        using var response = await _host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await _host.SnapshotAsync(new WorkspaceId(Platform.Teams, TeamsTestHost.ForeignTenant)));
        Assert.Equal(before, await _host.SnapshotAsync(Workspace));
    }

    [Fact]
    public void WarnsAtStartUpThatEveryTenantIsServed()
    {
        var warning = Assert.Single(_host.Logs.GetSnapshot(), r => r.Message.StartsWith(EveryTenantWarning, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(typeof(TeamsTrustReport).FullName, warning.Category);
    }

    [Fact]
    public async Task DoesNotWarnWhenTheTenantsAreListed()
    {
        var listed = new TeamsTestHost(authenticated: true, recordLogs: true);
        await ((IAsyncLifetime)listed).InitializeAsync();
        try
        {
            // The host's own start-up lines were recorded, so the warning's absence is not a recorder that heard nothing.
            Assert.Contains(listed.Logs.GetSnapshot(), r => r.Category == "Microsoft.Hosting.Lifetime");
            Assert.DoesNotContain(listed.Logs.GetSnapshot(), r => r.Message.StartsWith(EveryTenantWarning, StringComparison.Ordinal));
        }
        finally
        {
            await ((IAsyncLifetime)listed).DisposeAsync();
        }
    }
}

/// <summary>
/// Local mode (no app id, no token) for the Agents Playground: only when switched on, never in Production, only from
/// this machine directly. Every refusal is a kudos that would have moved points, and nothing is stored.
/// </summary>
public sealed class LocalModeLimits
{
    private static async Task AssertRefusedAndNothingChanged(TeamsTestHost host, IReadOnlyDictionary<string, string>? headers = null)
    {
        var teams = new TeamsScenario(host).WithRoster();
        var activity = teams.Message(Ann, Channel(NewChannel(), "1"), "kudos @bob +10 thanks for covering my whole shift");
        var before = await host.SnapshotAsync(Workspace);

        using var response = await host.PostRawAsync(JsonSerializer.Serialize(activity, BotJson.Options), token: null, headers: headers);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(300);
        Assert.Equal(before, await host.SnapshotAsync(Workspace));
        Assert.Empty(host.Connector.Calls);
    }

    public static TheoryData<string, string> ProxyHeaders => new()
    {
        { "X-Forwarded-For", "203.0.113.7" },
        { "X-Forwarded-Proto", "https" },
        { "X-Forwarded-Host", "kudos.example.com" },
        { "Forwarded", "for=203.0.113.7;proto=https" },
        { "X-Original-For", "203.0.113.7:50000" },
    };

    [Theory]
    [MemberData(nameof(ProxyHeaders))]
    public Task RefusesARequestThatCameThroughAProxyEvenFromLoopback(string header, string value) =>
        With(new TeamsTestHost(authenticated: false), host => AssertRefusedAndNothingChanged(host, new Dictionary<string, string> { [header] = value }));

    [Fact]
    public Task RefusesEverythingInProductionEvenWhenSwitchedOn() =>
        // Only Slack configured: the Production start-up checks pass, and Teams has no credentials.
        With(new TeamsTestHost(authenticated: false, new Dictionary<string, string?>
        {
            ["Teams:LocalMode"] = "true",
            ["Teams:AppTenantId"] = "",
            ["Slack:SigningSecret"] = "local-mode-test-signing-secret",
            ["Slack:BotToken"] = "xoxb-local-mode-test",
        }, environment: "Production"), host => AssertRefusedAndNothingChanged(host));

    [Fact]
    public Task RefusesEverythingWhenNotSwitchedOn() =>
        With(new TeamsTestHost(authenticated: false, new Dictionary<string, string?> { ["Teams:LocalMode"] = "false" }),
            host => AssertRefusedAndNothingChanged(host));

    [Fact]
    public Task RefusesALocalActivityWhoseServiceUrlIsNotOnThisMachine() => With(new TeamsTestHost(authenticated: false), async host =>
    {
        // Its service URL would be stored, and receive connector tokens once the same storage runs with credentials.
        var activity = TestActivities.Message("https://smba.trafficmanager.net/amer/", "kudos help");
        var before = await host.SnapshotAsync(Workspace);

        using var response = await host.PostRawAsync(JsonSerializer.Serialize(activity, BotJson.Options), token: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await host.SnapshotAsync(Workspace));
    });

    /// <summary>Runs a test against a host of its own settings, started and disposed around it.</summary>
    private static async Task With(TeamsTestHost host, Func<TeamsTestHost, Task> test)
    {
        await ((IAsyncLifetime)host).InitializeAsync();
        try
        {
            await test(host);
        }
        finally
        {
            await ((IAsyncLifetime)host).DisposeAsync();
        }
    }
}
