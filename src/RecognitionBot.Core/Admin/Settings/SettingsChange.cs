using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin.Settings;

/// <summary>An admin's change to the workspace settings: the settings after it, its audit row, the answer.</summary>
public sealed record SettingsChange(WorkspaceSettings Next, AuditEntry Audit, AdminDone Result)
{
    public static SettingsChange Of(WorkspaceSettings before, WorkspaceSettings next, Func<WorkspaceSettings, string?> show,
        MemberId admin, AuditAction action, string? subject, AdminDone result, DateTimeOffset now) =>
        new(next, new AuditEntry(now, admin, action, subject, show(before), show(next)), result);
}
