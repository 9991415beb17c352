using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin log [N]</c>: the latest audit rows, newest first.</summary>
public sealed class AuditLogHandler(IAuditLog auditLog) : ICommandHandler<AuditLogCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<AuditLogCommand> request, CancellationToken cancellationToken) =>
        new AuditLogView(await auditLog.LatestAsync(request.Workspace, request.Command.Count, cancellationToken));
}
