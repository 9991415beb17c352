using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin value add|remove #value</c>: the hashtags kudos may carry.</summary>
public sealed class ChangeValuesHandler(WorkspaceStore workspaces) : ICommandHandler<ChangeValuesCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<ChangeValuesCommand> request, CancellationToken cancellationToken)
    {
        var values = request.Command;
        var value = KudosRules.Normalize(values.Value);
        var has = request.Settings.Values.Contains(value, StringComparer.OrdinalIgnoreCase);
        if (values.Add && has) return new Refused(Refusal.ValueExists, value);
        if (!values.Add && !has) return new Refused(Refusal.UnknownValue, value);
        await workspaces.ChangeAsync(request.Workspace, request.Actor, values.Add ? AuditAction.ValueAdded : AuditAction.ValueRemoved, value, s => s with
        {
            Values = values.Add ? [.. s.Values, value] : s.Values.Where(v => !string.Equals(v, value, StringComparison.OrdinalIgnoreCase)).ToList(),
        }, s => string.Join(' ', s.Values), cancellationToken);
        return new AdminDone(values, value);
    }
}
