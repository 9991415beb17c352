using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin allowance N [monthly|weekly]</c>.</summary>
public sealed class SetAllowanceHandler(WorkspaceStore workspaces) : ICommandHandler<SetAllowanceCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<SetAllowanceCommand> request, CancellationToken cancellationToken)
    {
        var allowance = request.Command;
        await workspaces.ChangeAsync(request.Workspace, request.Actor, AuditAction.Allowance, null,
            s => s with { Allowance = allowance.Points, AllowancePeriod = allowance.Period ?? s.AllowancePeriod },
            s => $"{s.Allowance} {s.AllowancePeriod.ToString().ToLowerInvariant()}", cancellationToken);
        return new AdminDone(allowance);
    }
}
