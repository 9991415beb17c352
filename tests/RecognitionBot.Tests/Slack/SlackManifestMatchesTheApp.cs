using System.Text.Json;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Slack;

/// <summary>The app manifest admins create the Slack app from must ask for what the code uses, and point where it listens.</summary>
public sealed class SlackManifestMatchesTheApp
{
    private static readonly JsonElement Manifest =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Azurite.RepoRoot(), "manifest", "slack", "manifest.json"))).RootElement;

    [Fact]
    public void RequestsExactlyTheScopesTheInstallFlowAsksFor()
    {
        var manifest = Manifest.GetProperty("oauth_config").GetProperty("scopes").GetProperty("bot").EnumerateArray().Select(s => s.GetString()).Order();

        Assert.Equal(new SlackOptions().Scopes.Split(',').Order(), manifest);
    }

    [Fact]
    public void DeclaresKudosWithEscapingSoMentionsArriveAsIds()
    {
        var command = Assert.Single(Manifest.GetProperty("features").GetProperty("slash_commands").EnumerateArray());

        Assert.Equal("/kudos", command.GetProperty("command").GetString());
        Assert.True(command.GetProperty("should_escape").GetBoolean());
        Assert.EndsWith("/slack/commands", command.GetProperty("url").GetString());
    }

    [Fact]
    public void PointsInteractivityEventsAndOAuthAtTheAppsEndpoints()
    {
        var settings = Manifest.GetProperty("settings");
        Assert.True(settings.GetProperty("interactivity").GetProperty("is_enabled").GetBoolean());
        Assert.EndsWith("/slack/interactions", settings.GetProperty("interactivity").GetProperty("request_url").GetString());
        Assert.EndsWith("/slack/events", settings.GetProperty("event_subscriptions").GetProperty("request_url").GetString());
        Assert.EndsWith(SlackOAuth.CallbackPath, Manifest.GetProperty("oauth_config").GetProperty("redirect_urls")[0].GetString());
    }

    [Fact]
    public void SubscribesToTheEventsThatEndAnInstallationAndTellOfLeavers()
    {
        var events = Manifest.GetProperty("settings").GetProperty("event_subscriptions").GetProperty("bot_events").EnumerateArray().Select(e => e.GetString());

        Assert.Equal(["app_uninstalled", "team_join", "tokens_revoked", "user_change"], events.Order());
    }

    [Fact]
    public void HasABotUserNamedWithinSlacksLimits()
    {
        var name = Manifest.GetProperty("display_information").GetProperty("name").GetString()!;
        var bot = Manifest.GetProperty("features").GetProperty("bot_user").GetProperty("display_name").GetString()!;

        Assert.InRange(name.Length, 1, 35);
        Assert.InRange(bot.Length, 1, 80);
        Assert.InRange(Manifest.GetProperty("display_information").GetProperty("description").GetString()!.Length, 1, 140);
    }
}
