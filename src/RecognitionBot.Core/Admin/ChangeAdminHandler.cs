using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin admin add|remove @x</c>: the workspace's own admins, beside those the platform names.</summary>
public sealed class ChangeAdminHandler(WorkspaceStore workspaces, Membership membership) : ICommandHandler<ChangeAdminCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<ChangeAdminCommand> request, CancellationToken cancellationToken)
    {
        var (context, change, settings) = request;
        if (change.Add && await membership.CheckMembersAsync(context.Workspace, [change.Member], cancellationToken) is { } notAdminable) return notAdminable;
        // Only the last admin removing themselves could leave a workspace (a Teams tenant) with nobody to run it.
        if (!change.Add && change.Member == context.Actor && settings.Admins.All(a => a == context.Actor)
            && !await membership.IsPlatformAdminAsync(context.Workspace, context.Actor, cancellationToken))
            return new Refused(Refusal.LastAdmin);
        await workspaces.ChangeAsync(context.Workspace, context.Actor, change.Add ? AuditAction.AdminAdded : AuditAction.AdminRemoved, change.Member.Value,
            s => s with { Admins = MemberLists.Change(s.Admins, change.Member, change.Add) }, s => AuditEntry.Join(s.Admins), cancellationToken);
        return new AdminDone(change);
    }
}
