using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin.Settings;

/// <summary>
/// Setting the allowance and, optionally, its period. The parser already keeps the points in range; a new period
/// needs no migration, since allowance use from another period counts as none (<see cref="Kudos.Allowance"/>).
/// </summary>
public static class AllowanceDecider
{
    public static Decided<SettingsChange> Decide(WorkspaceSettings settings, SetAllowanceCommand command, MemberId admin, DateTimeOffset now) =>
        SettingsChange.Of(settings, settings with { Allowance = command.Points, AllowancePeriod = command.Period ?? settings.AllowancePeriod },
            s => $"{s.Allowance} {s.AllowancePeriod.ToString().ToLowerInvariant()}", admin, AuditAction.Allowance, null, new AdminDone(command), now);
}
