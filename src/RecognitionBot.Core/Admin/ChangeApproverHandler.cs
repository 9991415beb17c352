using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin approver add|remove @x</c>: the workspace approvers, who decide when no manager does.</summary>
public sealed class ChangeApproverHandler(WorkspaceStore workspaces, Membership membership) : ICommandHandler<ChangeApproverCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<ChangeApproverCommand> request, CancellationToken cancellationToken)
    {
        var approver = request.Command;
        // Adding needs a member; removing does not, so an admin can clean up after someone who left.
        if (approver.Add && await membership.CheckMembersAsync(request.Workspace, [approver.Member], cancellationToken) is { } bad) return bad;
        await workspaces.ChangeAsync(request.Workspace, request.Actor, approver.Add ? AuditAction.ApproverAdded : AuditAction.ApproverRemoved, approver.Member.Value,
            s => s with { Approvers = MemberLists.Change(s.Approvers, approver.Member, approver.Add) }, s => AuditEntry.Join(s.Approvers), cancellationToken);
        return new AdminDone(approver);
    }
}
