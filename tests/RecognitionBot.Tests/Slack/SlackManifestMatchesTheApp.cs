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
    public void SubscribesToTheEventsThatEndAnInstallation()
    {
        var events = Manifest.GetProperty("settings").GetProperty("event_subscriptions").GetProperty("bot_events").EnumerateArray().Select(e => e.GetString());

        Assert.Contains("app_uninstalled", events);
        Assert.Contains("tokens_revoked", events);
    }

    [Fact]
    public void OffersTheHomeTabAndTheShortcutsTheAppAnswers()
    {
        var features = Manifest.GetProperty("features");
        var home = features.GetProperty("app_home");
        Assert.True(home.GetProperty("home_tab_enabled").GetBoolean());
        Assert.True(home.GetProperty("messages_tab_enabled").GetBoolean());
        Assert.True(home.GetProperty("messages_tab_read_only_enabled").GetBoolean());
        Assert.Contains("app_home_opened",
            Manifest.GetProperty("settings").GetProperty("event_subscriptions").GetProperty("bot_events").EnumerateArray().Select(e => e.GetString()));

        var shortcuts = features.GetProperty("shortcuts").EnumerateArray()
            .Select(s => (Type: s.GetProperty("type").GetString(), Id: s.GetProperty("callback_id").GetString(), Name: s.GetProperty("name").GetString()!,
                Description: s.GetProperty("description").GetString()!))
            .ToList();
        Assert.Equal([("global", SlackActions.GiveShortcut), ("message", SlackActions.GiveForMessageShortcut)], shortcuts.Select(s => (s.Type, s.Id)));
        // Slack's limits: a name of at most 24 characters, a description of at most 150.
        Assert.All(shortcuts, s => Assert.InRange(s.Name.Length, 1, 24));
        Assert.All(shortcuts, s => Assert.InRange(s.Description.Length, 1, 150));
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
