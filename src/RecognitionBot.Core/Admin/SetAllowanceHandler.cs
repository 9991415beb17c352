using RecognitionBot.Core.Admin.Settings;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin allowance N [monthly|weekly]</c>.</summary>
public sealed class SetAllowanceHandler(WorkspaceStore workspaces, TimeProvider clock) : ICommandHandler<SetAllowanceCommand>
{
    public Task<CommandResult> HandleAsync(CommandRequest<SetAllowanceCommand> request, CancellationToken cancellationToken) =>
        workspaces.DecideAsync(request.Workspace, s => AllowanceDecider.Decide(s, request.Command, request.Actor, clock.GetUtcNow()), cancellationToken);
}
