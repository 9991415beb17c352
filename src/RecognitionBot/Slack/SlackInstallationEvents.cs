using System.Text.Json;

namespace RecognitionBot.Slack;

/// <summary>Drops a workspace's stored bot token as soon as Slack says it is no longer valid.</summary>
public sealed class SlackInstallationEvents(SlackInstallations installations, ILogger<SlackInstallationEvents> log) : ISlackEventHandler
{
    public async Task HandleAsync(SlackEvent slackEvent, CancellationToken ct)
    {
        var remove = slackEvent.Type switch
        {
            "app_uninstalled" => true,
            // tokens_revoked also fires when a user token goes; only a revoked bot token ends the installation.
            "tokens_revoked" => slackEvent.Event.TryGetProperty("tokens", out var tokens)
                && tokens.TryGetProperty("bot", out var bots) && bots.ValueKind == JsonValueKind.Array && bots.GetArrayLength() > 0,
            _ => false,
        };
        if (!remove) return;

        var orgWide = slackEvent.IsEnterpriseInstall ? slackEvent.EnterpriseId : null;
        await installations.RemoveAsync(slackEvent.TeamId, orgWide, ct);
        log.LogInformation("Slack installation of {Team} removed after {EventType}", slackEvent.TeamId, slackEvent.Type);
    }
}
