using System.Globalization;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Dashboard;

/// <summary>
/// The admins' export of one kind for a range of local days: kudos by one range read over time-ordered keys, movements by
/// one range read per member (their keys are time-ordered per member), redemptions by one filtered read of their rows.
/// </summary>
public sealed class ExportHandler(TableLedger ledger) : ICommandHandler<ExportCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<ExportCommand> request, CancellationToken cancellationToken)
    {
        var (kind, from, to) = request.Command;
        if (to.DayNumber - from.DayNumber is < 1 or > ExportCommand.MaxDays)
            return new Refused(Refusal.BadExportRange, ExportCommand.MaxDays.ToString(CultureInfo.InvariantCulture));
        var zone = request.Settings.Zone;
        var start = Clock.ToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
        var end = Clock.ToUtc(to.ToDateTime(TimeOnly.MinValue), zone);
        var ws = request.Workspace;
        IReadOnlyList<KudosExportRow> kudos = kind == ExportKind.Kudos ? await ledger.ExportKudosAsync(ws, start, end, cancellationToken) : [];
        IReadOnlyList<MovementExportRow> movements = kind == ExportKind.Movements ? await ledger.ExportMovementsAsync(ws, start, end, cancellationToken) : [];
        IReadOnlyList<RedemptionExportRow> redemptions =
            kind == ExportKind.Redemptions ? await ledger.ExportRedemptionsAsync(ws, start, end, cancellationToken) : [];
        return new ExportView(kind, from, to, start, end, request.Settings.TimeZone, kudos, movements, redemptions);
    }
}
