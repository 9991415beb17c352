using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin timezone &lt;IANA zone&gt;</c>: where the allowance period, "today" and the digest's week begin.</summary>
public sealed class SetTimeZoneHandler(WorkspaceStore workspaces) : ICommandHandler<SetTimeZoneCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<SetTimeZoneCommand> request, CancellationToken cancellationToken)
    {
        // The chat parser resolves the zone; the dashboard's form reaches here without it.
        if (!CommandParser.TryResolveTimeZone(request.Command.TimeZone.Trim(), out var id))
            return new NotUnderstood(ParseError.BadTimeZone, request.Command.TimeZone);
        var zone = request.Command with { TimeZone = id };
        await workspaces.ChangeAsync(
            request.Workspace, request.Actor, AuditAction.TimeZone, null, s => s with { TimeZone = zone.TimeZone }, s => s.TimeZone, cancellationToken);
        return new AdminDone(zone);
    }
}
