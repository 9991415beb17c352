using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Members;

/// <summary>
/// What the platform says about a person. Bots and deactivated users are never members, and neither are outsiders:
/// people of another organisation the platform lets into a shared conversation (Slack Connect users of another
/// team or enterprise; Teams guests and users of another tenant in a shared channel).
/// </summary>
public sealed record MemberProfile(
    MemberId Id, string DisplayName, bool IsBot, bool IsDeactivated, bool IsPlatformAdmin, string? Locale = null, bool IsOutsider = false);

/// <summary>The platform's people directory (Slack users.info, the Teams roster). Implementations cache.</summary>
public interface IMemberDirectory
{
    Platform Platform { get; }

    /// <summary>Null when no such person is in the workspace.</summary>
    Task<MemberProfile?> FindAsync(WorkspaceId workspace, MemberId member, CancellationToken cancellationToken);
}

/// <summary>
/// The requester's manager according to the platform's directory (Teams: Microsoft Graph). Null when the
/// directory has none or may not say; the core then falls back to the admin-set mapping and the workspace approvers.
/// </summary>
public interface IManagerLookup
{
    Platform Platform { get; }

    Task<MemberId?> FindManagerAsync(WorkspaceId workspace, MemberId member, CancellationToken cancellationToken);
}
