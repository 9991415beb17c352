using RecognitionBot.Core.Admin;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Members;

/// <summary>What the platform's directory says about people, as the rules ask it: member, outsider, admin.</summary>
public sealed class Membership(IEnumerable<IMemberDirectory> directories)
{
    private readonly IMemberDirectory[] _directories = [.. directories];

    public IMemberDirectory? DirectoryFor(Platform platform) => Array.Find(_directories, d => d.Platform == platform);

    /// <summary>People of another organisation in a shared conversation may look, but not give or redeem.</summary>
    public async Task<bool> IsOutsiderAsync(WorkspaceId workspace, MemberId member, CancellationToken cancellationToken) =>
        DirectoryFor(workspace.Platform) is { } directory
        && await directory.FindAsync(workspace, member, cancellationToken) is { IsOutsider: true };

    /// <summary>An admin of the workspace's own list, or one the platform names (Slack's admins, Teams' configured ones).</summary>
    public async Task<bool> IsAdminAsync(WorkspaceId workspace, MemberId member, WorkspaceSettings settings, CancellationToken cancellationToken) =>
        settings.Admins.Contains(member) || await IsPlatformAdminAsync(workspace, member, cancellationToken);

    public async Task<bool> IsPlatformAdminAsync(WorkspaceId workspace, MemberId member, CancellationToken cancellationToken) =>
        DirectoryFor(workspace.Platform) is { } directory
        && await directory.FindAsync(workspace, member, cancellationToken) is { IsPlatformAdmin: true };

    /// <summary>The platform directory's word on a member an admin names (taken as it is without a directory).</summary>
    public async Task<NamedMember> NameAsync(WorkspaceId workspace, MemberId member, CancellationToken cancellationToken) =>
        DirectoryFor(workspace.Platform) is { } directory
            ? new NamedMember(member, await directory.FindAsync(workspace, member, cancellationToken))
            : new NamedMember(member, null, Asked: false);

    /// <summary>Null when every one of <paramref name="members"/> is a member (or the platform has no directory), else why not.</summary>
    public async Task<Refused?> CheckMembersAsync(WorkspaceId workspace, IReadOnlyList<MemberId> members, CancellationToken cancellationToken)
    {
        if (DirectoryFor(workspace.Platform) is not { } directory) return null;
        var profiles = await Task.WhenAll(members.Select(async m => (m, await directory.FindAsync(workspace, m, cancellationToken))));
        return KudosRules.CheckRecipients(profiles);
    }
}
