using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace RecognitionBot.Tests.Slack.Fakes;

/// <summary>"Add to Slack" as a browser and Slack do it: /slack/install, Slack's redirect back with a code, the exchange.</summary>
public static class SlackInstallFlow
{
    public const string Redirect = "https://bot.example/slack/oauth/callback";

    /// <summary>OAuth installs only: no fallback token, so a team without an installation really has none.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Slack:ClientId"] = "111.222",
        ["Slack:ClientSecret"] = "client-secret-value",
        ["Slack:RedirectUri"] = Redirect,
        ["Slack:BotToken"] = "",
    };

    /// <summary>What oauth.v2.access answers for <paramref name="code"/>: a team install, or an org-wide one.</summary>
    public static void SlackKnowsCode(FakeSlackServer slack, string code, string team, string token, string? enterprise = null, bool orgWide = false) =>
        slack.OAuthCodes[code] = new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "bot",
            ["scope"] = "commands,chat:write",
            ["bot_user_id"] = "UBOT" + team,
            ["app_id"] = "A0001",
            ["team"] = orgWide ? null : new JsonObject { ["id"] = team, ["name"] = "Acme Support" },
            ["enterprise"] = enterprise is null ? null : new JsonObject { ["id"] = enterprise, ["name"] = "Acme Corp" },
            ["is_enterprise_install"] = orgWide,
            ["authed_user"] = new JsonObject { ["id"] = "UADMIN" },
        };

    /// <summary>Starts an install like a browser would: the state Slack will echo back and the cookie it got.</summary>
    public static async Task<(string State, string Cookie)> StartAsync(SlackTestHost host)
    {
        var response = await host.Client.GetAsync("/slack/install");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("slack_oauth_state=", StringComparison.Ordinal));
        return (query["state"]!, cookie.Split(';')[0]);
    }

    public static Task<HttpResponseMessage> CallbackAsync(SlackTestHost host, string query, string? cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/slack/oauth/callback?" + query);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return host.Client.SendAsync(request);
    }

    /// <summary>A whole install that Slack approved with <paramref name="code"/>.</summary>
    public static async Task InstallAsync(SlackTestHost host, string code)
    {
        var (state, cookie) = await StartAsync(host);
        var response = await CallbackAsync(host, $"code={code}&state={Uri.EscapeDataString(state)}", cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
