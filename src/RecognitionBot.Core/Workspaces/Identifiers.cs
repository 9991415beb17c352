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

/// <summary>How a conversation is shared: decides whether a celebration is public.</summary>
public enum ConversationKind
{
    Channel,
    Group,
    Direct,
}

/// <summary>Where a command was typed. The id is the platform's (Slack channel id, Teams conversation id).</summary>
public sealed record ConversationRef(string Id, ConversationKind Kind, string? TeamId = null);
