namespace RecognitionBot.Core.Workspaces;

/// <summary>The chat platform a workspace lives on.</summary>
public enum Platform
{
    Slack,
    Teams,
}

/// <summary>
/// One Slack workspace (team id, or enterprise id + team id on Enterprise Grid) or one Microsoft 365 tenant.
/// Data of two workspaces never mix: every ledger row lives in the partition of its workspace.
/// </summary>
public readonly record struct WorkspaceId(Platform Platform, string Id)
{
    /// <summary>The storage partition of this workspace, e.g. <c>slack_T0123</c>.</summary>
    public string Key => $"{Platform.ToString().ToLowerInvariant()}_{Id}";

    public override string ToString() => Key;

    public static WorkspaceId Parse(string key)
    {
        var cut = key.IndexOf('_');
        if (cut <= 0 || !Enum.TryParse<Platform>(key[..cut], ignoreCase: true, out var platform))
            throw new FormatException($"Not a workspace key: {key}");
        return new WorkspaceId(platform, key[(cut + 1)..]);
    }
}

/// <summary>A person in a workspace: a Slack user id or a Teams AAD object id. Bots are never members.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(MemberIdJsonConverter))]
public readonly record struct MemberId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// How a conversation is shared: decides whether a celebration is public, and which digests may count and quote a
/// kudos given there (only a public channel's, or the same conversation's).
/// </summary>
public enum ConversationKind
{
    /// <summary>A public channel (Slack) or a standard channel of a team (Teams).</summary>
    Channel,
    /// <summary>A group DM (Slack) or group chat (Teams).</summary>
    Group,
    /// <summary>A DM with the bot (Slack) or a personal chat (Teams).</summary>
    Direct,
    /// <summary>A private channel (Slack), or a private or shared channel of a team (Teams): only its members see it.</summary>
    PrivateChannel,
}

/// <summary>
/// Where a command was typed. The id is the platform's (Slack channel id, Teams conversation id); the team is the
/// Teams team a channel belongs to.
/// </summary>
public sealed record ConversationRef(string Id, ConversationKind Kind, string? TeamId = null)
{
    /// <summary>
    /// Whether a kudos given here may be counted and quoted in the digest posted to <paramref name="digest"/>: one
    /// given in that same conversation, or in a public channel of the digest's team (Teams). Never one from a DM,
    /// a group DM or another private channel.
    /// </summary>
    public bool IsVisibleIn(ConversationRef digest) =>
        Id == digest.Id || (Kind == ConversationKind.Channel && digest.TeamId is { } team && TeamId == team);
}
