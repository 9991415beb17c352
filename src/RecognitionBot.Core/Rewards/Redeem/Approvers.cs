using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Rewards.Redeem;

/// <summary>
/// A requester's approvers: the admin-set manager if there is one, else the platform directory's manager (Teams:
/// Microsoft Graph), else the workspace approvers. Nobody approves their own redemption, and an admin who mapped
/// themselves as the requester's manager does not either: the other workspace approvers do.
/// </summary>
public sealed class Approvers(ILedger ledger, IEnumerable<IManagerLookup> managerLookups)
{
    private readonly IManagerLookup[] _lookups = [.. managerLookups];

    public async Task<IReadOnlyList<MemberId>> ResolveAsync(WorkspaceId workspace, MemberId requester, WorkspaceSettings settings, CancellationToken cancellationToken)
    {
        var member = await ledger.GetMemberAsync(workspace, requester, cancellationToken);
        if (member.Manager is { } self && member.IsSelfMappedManager(self))
            return settings.Approvers.Where(a => a != requester && a != self).ToList();
        if (member.Manager is { } mapped && mapped != requester) return [mapped];
        var lookup = Array.Find(_lookups, l => l.Platform == workspace.Platform);
        if (lookup is not null && await lookup.FindManagerAsync(workspace, requester, cancellationToken) is { } manager && manager != requester)
            return [manager];
        return settings.Approvers.Where(a => a != requester).ToList();
    }
}
