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
    /// <summary>The largest allowance: far above any real one, far below what a sum of kudos could overflow.</summary>
    public const int MaxAllowance = 1_000_000;

    public static Decided<SettingsChange> Decide(WorkspaceSettings settings, SetAllowanceCommand command, MemberId admin, DateTimeOffset now) =>
        // The chat parser reads only positive numbers; the dashboard's form reaches here without it.
        command.Points is < 1 or > MaxAllowance
            ? Decided<SettingsChange>.Unchanged(
                new NotUnderstood(ParseError.BadAllowance, command.Points.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : SettingsChange.Of(settings, settings with { Allowance = command.Points, AllowancePeriod = command.Period ?? settings.AllowancePeriod },
            s => $"{s.Allowance} {s.AllowancePeriod.ToString().ToLowerInvariant()}", admin, AuditAction.Allowance, null, new AdminDone(command), now);
}
