using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecognitionBot.Teams;

/// <summary>
/// The slice of the Bot Framework activity schema the bot reads and writes. Unknown fields are ignored on the way in;
/// nulls are omitted on the way out, so an outbound activity carries only what we set.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    /// <summary>For invokes: <c>adaptiveCard/action</c>, ...</summary>
    public string? Name { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Summary { get; init; }
    public string? Locale { get; init; }
    public string? ReplyToId { get; init; }
    /// <summary>Action.Submit data, or the invoke payload.</summary>
    public JsonElement? Value { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    /// <summary>For installationUpdate: add, add-upgrade, remove, remove-upgrade.</summary>
    public string? Action { get; init; }

    /// <summary>The customer's tenant: the conversation's, else channelData's.</summary>
    [JsonIgnore]
    public string? TenantId => NonEmpty(Conversation?.TenantId) ?? NonEmpty(ChannelData?.Tenant?.Id);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>Mentions of people other than the bot, in the order they appear.</summary>
    public IEnumerable<Entity> MentionsExceptBot() =>
        (Entities ?? []).Where(e => e.IsMention && e.Mentioned?.Id is { } id && id != Recipient?.Id);
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string InvokeResponse = "invokeResponse";
}

public static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    /// <summary>A typeahead asking for options as the user types (<c>choices.data</c>).</summary>
    public const string Search = "application/search";
    public const string FetchTask = "composeExtension/fetchTask";
    public const string SubmitAction = "composeExtension/submitAction";
}

public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }
    /// <summary>In a mention: <c>tag</c> when a team tag was mentioned (its id is then the Graph tag id); absent for people.</summary>
    public string? Type { get; init; }
}

public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    /// <summary>personal, groupChat or channel.</summary>
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public bool? IsGroup { get; init; }
}

public static class ConversationTypes
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";
}

/// <summary>An activity entity. Only mentions are read; other kinds (clientInfo, ...) pass through untouched.</summary>
public sealed record Entity
{
    public string? Type { get; init; }
    public ChannelAccount? Mentioned { get; init; }
    /// <summary>For mentions: the <c>&lt;at&gt;Name&lt;/at&gt;</c> markup as it appears in the message text.</summary>
    public string? Text { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    [JsonIgnore]
    public bool IsMention => string.Equals(Type, "mention", StringComparison.OrdinalIgnoreCase);

    /// <summary>A mention of a team tag (PROTOCOLS B4): its members are the recipients, read from Graph.</summary>
    [JsonIgnore]
    public bool IsTagMention => IsMention && string.Equals(Mentioned?.Type, "tag", StringComparison.OrdinalIgnoreCase);

    public static Entity Mention(string id, string name, string text) =>
        new() { Type = "mention", Mentioned = new ChannelAccount { Id = id, Name = name }, Text = text };
}

public sealed record Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; init; }
    public JsonElement? Content { get; init; }
}

public sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }
    public TeamInfo? Team { get; init; }
    public ChannelInfo? Channel { get; init; }
    public string? EventType { get; init; }
    public NotificationInfo? Notification { get; init; }
}

public sealed record TenantInfo(string? Id);

public sealed record TeamInfo
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadGroupId { get; init; }
}

public sealed record ChannelInfo
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    /// <summary><c>standard</c>, <c>private</c> or <c>shared</c> (absent on older clients: standard).</summary>
    public string? MembershipType { get; init; }
}

public sealed record NotificationInfo(bool Alert);

/// <summary>A roster entry from the connector. The roster calls the AAD id <c>objectId</c>, activities call it <c>aadObjectId</c>.</summary>
public sealed record TeamsChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? Email { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? TenantId { get; init; }
    public string? UserRole { get; init; }
    public string? AadObjectId { get; init; }
    public string? ObjectId { get; init; }

    [JsonIgnore]
    public string? AadId => AadObjectId ?? ObjectId;
}

public sealed record PagedMembersResult
{
    public string? ContinuationToken { get; init; }
    public IReadOnlyList<TeamsChannelAccount> Members { get; init; } = [];
}

public sealed record ResourceResponse(string? Id);

public sealed record ConversationParameters
{
    public bool IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
}

public sealed record ConversationResourceResponse
{
    public string? Id { get; init; }
    public string? ActivityId { get; init; }
    public string? ServiceUrl { get; init; }
}

/// <summary>The JSON conventions of the Bot Framework wire format.</summary>
public static class BotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
