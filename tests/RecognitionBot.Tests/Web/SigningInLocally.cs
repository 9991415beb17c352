using System.Net;
using System.Text.RegularExpressions;
using RecognitionBot.Tests.Web.Fakes;

namespace RecognitionBot.Tests.Web;

/// <summary>
/// The development sign-in (for ./scripts/run-local.sh) exists only in Development with Dashboard:LocalSignIn on:
/// anywhere else, Production above all, the route is not there, as Teams' local mode is refused in Production.
/// </summary>
public sealed partial class SigningInLocally
{
    private static Dictionary<string, string?> On() => new() { ["Dashboard:LocalSignIn"] = "true" };

    [Fact]
    public async Task InDevelopmentWithTheSettingOnAnyoneCanSignInAndGetsTheSameSession()
    {
        await using var running = await Running.StartAsync("Development", On());
        using var client = running.Host.NewClient(cookies: true);

        var form = await client.GetStringAsync("/dashboard/signin/local");
        var token = Token().Match(form).Groups[1].Value;
        var signedIn = await client.PostAsync("/dashboard/signin/local", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["platform"] = "Slack",
            ["workspace"] = DashboardTestHost.Team,
            ["member"] = DashboardTestHost.Ann,
            ["name"] = "Ann Agent",
        }));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        // The host's own address leads to the dashboard.
        using var root = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/dashboard", root.Headers.Location?.OriginalString);
        var home = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Available:", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task InDevelopmentASlackWorkspaceThisHostDoesNotServeIsExplainedAndATeamsTenantSignsIn()
    {
        await using var running = await Running.StartAsync("Development", On());
        using var client = running.Host.NewClient(cookies: true);
        var token = Token().Match(await client.GetStringAsync("/dashboard/signin/local")).Groups[1].Value;
        Task<HttpResponseMessage> SignIn(string platform, string workspace, string member) =>
            client.PostAsync("/dashboard/signin/local", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["platform"] = platform,
                ["workspace"] = workspace,
                ["member"] = member,
            }));

        // Before: every page of a Slack person whose workspace is not installed failed with a 500 (the role check asks Slack).
        var refused = await SignIn("Slack", "T0NOTINSTALLED", "U0001");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Slack is not set up on this host", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/dashboard")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await SignIn("Teams", DashboardTestHost.Tenant, "11111111-0000-0000-0000-000000000001")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Testing")]
    public async Task OutsideDevelopmentTheRouteDoesNotExistEvenWithTheSettingOn(string environment)
    {
        await using var running = await Running.StartAsync(environment, On());
        using var client = running.Host.NewClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dashboard/signin/local")).StatusCode);
        var post = await client.PostAsync("/dashboard/signin/local", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["platform"] = "Slack",
            ["workspace"] = DashboardTestHost.Team,
            ["member"] = DashboardTestHost.Ada,
        }));
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.DoesNotContain("Development sign-in", await client.GetStringAsync("/dashboard/signin"));
    }

    [Fact]
    public async Task InDevelopmentWithTheSettingOffTheRouteDoesNotExist()
    {
        await using var running = await Running.StartAsync("Development", []);
        using var client = running.Host.NewClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dashboard/signin/local")).StatusCode);
    }

    /// <summary>A host of its own in the given environment, its fakes stopped with it.</summary>
    private sealed class Running(DashboardTestHost host) : IAsyncDisposable
    {
        public DashboardTestHost Host => host;

        public static async Task<Running> StartAsync(string environment, Dictionary<string, string?> settings)
        {
            var host = new DashboardTestHost(environment, settings);
            await ((IAsyncLifetime)host).InitializeAsync();
            return new Running(host);
        }

        public async ValueTask DisposeAsync() => await ((IAsyncLifetime)host).DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
