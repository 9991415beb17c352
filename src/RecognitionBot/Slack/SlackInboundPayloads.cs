using System.Text.Json;

namespace RecognitionBot.Slack;

// What arrives from Slack, the same whether it came over HTTP or through Socket Mode.

/// <summary>A <c>/kudos</c> invocation. <see cref="TriggerId"/> is unique per invocation, so it keys idempotency.</summary>
public sealed record SlackSlashCommand(string TeamId, string ChannelId, string UserId, string Command, string Text, string TriggerId)
{
    public string? EnterpriseId { get; init; }

    public string? ChannelName { get; init; }

    public string? ResponseUrl { get; init; }

    public string? ApiAppId { get; init; }

    public bool IsEnterpriseInstall { get; init; }

    /// <summary>Reads the fields Slack sends, as form fields (HTTP) or JSON properties (Socket Mode); null if one it always sends is missing.</summary>
    public static SlackSlashCommand? From(Func<string, string?> field)
    {
        var team = field("team_id");
        var channel = field("channel_id");
        var user = field("user_id");
        var command = field("command");
        var trigger = field("trigger_id");
        if (string.IsNullOrEmpty(team) || string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(user)
            || string.IsNullOrEmpty(command) || string.IsNullOrEmpty(trigger))
            return null;
        return new SlackSlashCommand(team, channel, user, command, field("text") ?? "", trigger)
        {
            EnterpriseId = NullIfEmpty(field("enterprise_id")),
            ChannelName = NullIfEmpty(field("channel_name")),
            ResponseUrl = NullIfEmpty(field("response_url")),
            ApiAppId = NullIfEmpty(field("api_app_id")),
            IsEnterpriseInstall = field("is_enterprise_install") == "true",
        };
    }

    public static SlackSlashCommand? FromJson(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object
            ? From(name => payload.TryGetProperty(name, out var v) ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => v.GetRawText(),
            } : null)
            : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>A click or a modal submission (<c>block_actions</c>, <c>view_submission</c>, ...), with its raw payload.</summary>
public sealed record SlackInteraction(string Type, JsonElement Payload)
{
    public const string BlockActions = "block_actions";
    public const string ViewSubmission = "view_submission";
    public const string Shortcut = "shortcut";
    public const string MessageAction = "message_action";

    public string? TeamId => Str(Payload, "team", "id") ?? Str(Payload, "user", "team_id");

    public string? EnterpriseId => Str(Payload, "enterprise", "id");

    public string? UserId => Str(Payload, "user", "id");

    public static SlackInteraction? FromJson(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("type", out var t) && t.GetString() is { Length: > 0 } type
            ? new SlackInteraction(type, payload.Clone())
            : null;

    private static string? Str(JsonElement e, string outer, string inner) =>
        e.TryGetProperty(outer, out var o) && o.ValueKind == JsonValueKind.Object && o.TryGetProperty(inner, out var i)
            && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
}

/// <summary>
/// A <c>block_actions</c> payload: who clicked which of our buttons, on which message. Read once from the raw JSON,
/// so handlers see typed fields rather than property lookups.
/// </summary>
public sealed record SlackBlockActions(
    SlackRef? Team,
    SlackUserRef? User,
    SlackContainer? Container,
    SlackRef? Channel,
    SlackMessageRef? Message,
    string? TriggerId,
    string? ResponseUrl,
    IReadOnlyList<SlackBlockAction>? Actions)
{
    /// <summary>The view the click was on (the App Home, a modal); null on a message.</summary>
    public SlackViewRef? View { get; init; }

    public string? ChannelId => Container?.ChannelId ?? Channel?.Id;

    public string? MessageTs => Container?.MessageTs ?? Message?.Ts;

    public Uri? ResponseUri => Uri.TryCreate(ResponseUrl, UriKind.Absolute, out var uri) ? uri : null;

    public static SlackBlockActions? From(JsonElement payload) => SlackPayloads.Read<SlackBlockActions>(payload);
}

public sealed record SlackBlockAction(string? ActionId, string? BlockId, string? Value)
{
    /// <summary>What a select's choice sent (its value), where a button sends <see cref="Value"/>.</summary>
    public SlackChosenOption? SelectedOption { get; init; }

    /// <summary>The value of the click: the button's, or the option chosen.</summary>
    public string? ClickedValue => string.IsNullOrEmpty(Value) ? SelectedOption?.Value : Value;
}

public sealed record SlackChosenOption(string? Value);

/// <summary>A <c>view_submission</c> payload: the modal's callback id, its metadata and what was typed in it.</summary>
public sealed record SlackViewSubmission(SlackRef? Team, SlackUserRef? User, SlackSubmittedView? View)
{
    public static SlackViewSubmission? From(JsonElement payload) => SlackPayloads.Read<SlackViewSubmission>(payload);
}

public sealed record SlackSubmittedView(string? Id, string? CallbackId, string? PrivateMetadata, SlackViewState? State)
{
    /// <summary>The text typed in one input (block id, then action id), or null.</summary>
    public string? Input(string blockId, string actionId) => Value(blockId, actionId)?.Value;

    /// <summary>What one input holds: typed text, chosen people, ticked options.</summary>
    public SlackInputValue? Value(string blockId, string actionId) => State?.Values?.GetValueOrDefault(blockId)?.GetValueOrDefault(actionId);
}

/// <summary>The view a click came from: its id, its type (<c>home</c>, <c>modal</c>) and its hash, new at every publish.</summary>
public sealed record SlackViewRef(string? Id, string? Type, string? Hash);

/// <summary>
/// A global shortcut (<c>shortcut</c>) or a message shortcut (<c>message_action</c>): which one, the trigger to open a
/// modal with, and, for a message, where it is and who wrote it (no <c>user</c> on a bot's message).
/// </summary>
public sealed record SlackShortcut(
    string? Type,
    string? CallbackId,
    string? TriggerId,
    SlackTeamDomain? Team,
    SlackUserRef? User,
    SlackRef? Channel,
    SlackShortcutMessage? Message,
    string? MessageTs)
{
    public static SlackShortcut? From(JsonElement payload) => SlackPayloads.Read<SlackShortcut>(payload);
}

public sealed record SlackShortcutMessage(string? Ts, string? User, string? BotId, string? ThreadTs);

public sealed record SlackTeamDomain(string? Id, string? Domain);

public sealed record SlackViewState(IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackInputValue>>? Values);

public sealed record SlackInputValue(string? Type, string? Value)
{
    public IReadOnlyList<string>? SelectedUsers { get; init; }

    public IReadOnlyList<SlackSelected>? SelectedOptions { get; init; }
}

public sealed record SlackSelected(string? Value);

public sealed record SlackRef(string? Id);

public sealed record SlackUserRef(string? Id, string? TeamId);

public sealed record SlackContainer(string? Type, string? ChannelId, string? MessageTs);

public sealed record SlackMessageRef(string? Ts);

internal static class SlackPayloads
{
    /// <summary>The payload as <typeparamref name="T"/>, or null when it does not have that shape.</summary>
    public static T? Read<T>(JsonElement payload) where T : class
    {
        if (payload.ValueKind != JsonValueKind.Object) return null;
        try
        {
            return payload.Deserialize<T>(SlackJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>An Events API callback. Slack redelivers on timeouts, so <see cref="EventId"/> may be seen more than once.</summary>
public sealed record SlackEvent(string TeamId, string EventId, string Type, JsonElement Event)
{
    public string? EnterpriseId { get; init; }

    /// <summary>0 for the first delivery; Slack's retry count otherwise.</summary>
    public int RetryAttempt { get; init; }

    /// <summary>The app is installed org-wide on Enterprise Grid (its installation is keyed by the enterprise).</summary>
    public bool IsEnterpriseInstall { get; init; }

    public static SlackEvent? FromCallback(JsonElement envelope, int retryAttempt)
    {
        if (envelope.ValueKind != JsonValueKind.Object
            || !envelope.TryGetProperty("event", out var ev) || ev.ValueKind != JsonValueKind.Object
            || !ev.TryGetProperty("type", out var type) || type.GetString() is not { Length: > 0 } eventType)
            return null;
        var team = envelope.TryGetProperty("team_id", out var t) ? t.GetString() : null;
        var id = envelope.TryGetProperty("event_id", out var i) ? i.GetString() : null;
        if (string.IsNullOrEmpty(team) || string.IsNullOrEmpty(id)) return null;
        return new SlackEvent(team, id, eventType, ev.Clone())
        {
            EnterpriseId = envelope.TryGetProperty("enterprise_id", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null,
            RetryAttempt = retryAttempt,
            IsEnterpriseInstall = OrgWide(envelope),
        };
    }

    private static bool OrgWide(JsonElement envelope)
    {
        if (envelope.TryGetProperty("is_enterprise_install", out var top) && top.ValueKind == JsonValueKind.True) return true;
        return envelope.TryGetProperty("authorizations", out var auths) && auths.ValueKind == JsonValueKind.Array
            && auths.EnumerateArray().Any(a => a.TryGetProperty("is_enterprise_install", out var i) && i.ValueKind == JsonValueKind.True);
    }
}

/// <summary>An answer to a modal submission: field errors keep the modal open; null closes it.</summary>
public sealed record SlackViewErrors(IReadOnlyDictionary<string, string> Errors)
{
    public string ResponseAction => "errors";
}
