using System.Text.Json;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Members.Leavers;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Slack;

/// <summary>
/// People leaving and coming back. Slack sends <c>user_change</c> when an account changes (deactivation sets
/// <c>user.deleted</c>, reactivation clears it) and <c>team_join</c> when someone joins. The event is a hint and
/// <c>users.info</c> the truth (PROTOCOLS B A5): a late retry of "deleted" after a reactivation reads the account
/// as it is now. Slack Connect users of other organisations and bots are not our members: their changes are ignored.
/// The event id keys the delivery, so a redelivered event does nothing more.
/// </summary>
public sealed class SlackLeaverEvents(RecognitionService core, SlackMemberDirectory directory, ILogger<SlackLeaverEvents> log) : ISlackEventHandler
{
    public async Task HandleAsync(SlackEvent slackEvent, CancellationToken ct)
    {
        if (slackEvent.Type is not ("user_change" or "team_join")) return;
        if (!slackEvent.Event.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object
            || !user.TryGetProperty("id", out var idProperty) || idProperty.GetString() is not { Length: > 0 } id)
            return;

        var workspace = SlackWorkspace.Id(slackEvent.TeamId);
        var member = new MemberId(id);
        // user_change also fires for every status and profile edit: only a deactivation, or news of someone marked as
        // a leaver, is worth asking Slack about.
        var saysDeleted = user.TryGetProperty("deleted", out var deleted) && deleted.ValueKind == JsonValueKind.True;
        if (!saysDeleted && !await core.IsLeaverAsync(workspace, member, ct)) return;
        directory.Forget(workspace, member);
        var profile = await directory.FindAsync(workspace, member, ct);
        if (profile is { IsBot: true } or { IsOutsider: true }) return;
        // users.info answering "no such user" is a person gone as surely as a deactivated one.
        var left = profile is null || profile.IsDeactivated;
        var outcome = await core.PersonLeftAsync(new PersonLeft(workspace, member, left, DeliveryKey.Slack("event", slackEvent.EventId)), ct);
        if (outcome.Changed)
            log.LogInformation("Slack {EventType}: {Member} in {Team} {State}", slackEvent.Type, member, slackEvent.TeamId, left ? "left" : "is back");
    }
}
