using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Members.Roles;

/// <summary>Who the asker is to the app (the dashboard asks before it shows a page): never writes anything.</summary>
public sealed record RolesCommand : KudosCommand;

/// <summary>
/// The asker's roles as the rules decide them: <see cref="Admin"/> as the admin check of every admin command,
/// <see cref="Approver"/> when they approve anything (a workspace approver, someone's mapped manager, or named on a
/// waiting request), <see cref="Manager"/> when an admin gave them the manager role; with the language on their row.
/// </summary>
public sealed record RolesView(bool Admin, bool Approver, bool Manager, string? Locale, bool HasLeft) : CommandResult;

public sealed class RolesHandler(Membership membership, ILedger ledger, TableLedger members) : ICommandHandler<RolesCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<RolesCommand> request, CancellationToken cancellationToken)
    {
        var (workspace, me, settings) = (request.Workspace, request.Actor, request.Settings);
        var admin = membership.IsAdminAsync(workspace, me, settings, cancellationToken);
        var state = await ledger.GetMemberAsync(workspace, me, cancellationToken);
        var approver = settings.Approvers.Contains(me)
            || (await ledger.GetPendingRedemptionsAsync(workspace, me, cancellationToken)).Count > 0
            || await ManagesAnyoneAsync(request, cancellationToken);
        return new RolesView(await admin, approver, state.IsManager, state.Locale, state.HasLeft);
    }

    private async Task<bool> ManagesAnyoneAsync(CommandRequest<RolesCommand> request, CancellationToken cancellationToken)
    {
        await foreach (var m in members.QueryMembersAsync(request.Workspace, cancellationToken))
            if (m.Manager == request.Actor && !m.IsSelfMappedManager(request.Actor) && !m.HasLeft) return true;
        return false;
    }
}
