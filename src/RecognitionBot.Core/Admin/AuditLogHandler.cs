using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin log [N]</c>: the latest audit rows, newest first.</summary>
public sealed class AuditLogHandler(IAuditLog auditLog) : ICommandHandler<AuditLogCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<AuditLogCommand> request, CancellationToken cancellationToken)
    {
        var (entries, more) = await auditLog.PageAsync(request.Workspace, request.Command.Skip, request.Command.Count, cancellationToken);
        return new AuditLogView(entries) { Skipped = Math.Clamp(request.Command.Skip, 0, AuditLogCommand.MaxReach), More = more };
    }
}
