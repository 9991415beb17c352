using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Audit;

/// <summary>
/// The audit log of a workspace, newest first: for <c>/kudos admin log</c> now, for the dashboard and exports later.
/// </summary>
public interface IAuditLog
{
    Task<IReadOnlyList<AuditEntry>> LatestAsync(WorkspaceId workspace, int count, CancellationToken cancellationToken);
}
