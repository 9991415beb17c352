using RecognitionBot.Core.Admin.People;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin approver add|remove @x</c>: the workspace approvers, who decide when no manager does.</summary>
public sealed class ChangeApproverHandler(WorkspaceStore workspaces, Membership membership, TimeProvider clock) : ICommandHandler<ChangeApproverCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<ChangeApproverCommand> request, CancellationToken cancellationToken)
    {
        var approver = request.Command;
        // Adding needs a member; removing does not, so an admin can clean up after someone who left.
        var named = approver.Add ? await membership.NameAsync(request.Workspace, approver.Member, cancellationToken) : null;
        return await workspaces.DecideAsync(request.Workspace, s => ApproversDecider.Decide(s, approver, named, request.Actor, clock.GetUtcNow()), cancellationToken);
    }
}
