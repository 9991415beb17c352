using RecognitionBot.Core.Admin.People;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin admin add|remove @x</c>: the workspace's own admins, beside those the platform names.</summary>
public sealed class ChangeAdminHandler(WorkspaceStore workspaces, Membership membership, TimeProvider clock) : ICommandHandler<ChangeAdminCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<ChangeAdminCommand> request, CancellationToken cancellationToken)
    {
        var (ws, change, actor) = (request.Workspace, request.Command, request.Actor);
        var named = change.Add ? await membership.NameAsync(ws, change.Member, cancellationToken) : null;
        // Only the last admin removing themselves could leave the workspace with nobody to run it, unless the platform names them.
        var platformAdmin = !change.Add && change.Member == actor && await membership.IsPlatformAdminAsync(ws, actor, cancellationToken);
        return await workspaces.DecideAsync(ws, s => AdminsDecider.Decide(new AdminsState(s, named, platformAdmin), change, actor, clock.GetUtcNow()), cancellationToken);
    }
}
