using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Audit;

/// <summary>
/// The audit log of a workspace, newest first: for <c>/kudos admin log</c> now, for the dashboard and exports later.
/// </summary>
public interface IAuditLog
{
    Task<IReadOnlyList<AuditEntry>> LatestAsync(WorkspaceId workspace, int count, CancellationToken cancellationToken);

    /// <summary>
    /// <paramref name="count"/> rows after the newest <paramref name="skip"/>, newest first, and whether older ones follow:
    /// a page of the dashboard's log.
    /// </summary>
    Task<(IReadOnlyList<AuditEntry> Entries, bool More)> PageAsync(WorkspaceId workspace, int skip, int count, CancellationToken cancellationToken);
}
