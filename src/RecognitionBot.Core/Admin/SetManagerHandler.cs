using RecognitionBot.Core.Admin.People;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin manager @agent @manager</c>: who approves the agent's redemptions, never closing a loop.</summary>
public sealed class SetManagerHandler(ILedger ledger, Membership membership, TimeProvider clock) : ICommandHandler<SetManagerCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<SetManagerCommand> request, CancellationToken cancellationToken)
    {
        var (ws, manager, actor) = (request.Workspace, request.Command, request.Actor);
        var agent = await membership.NameAsync(ws, manager.Agent, cancellationToken);
        var boss = await membership.NameAsync(ws, manager.Manager, cancellationToken);
        var above = await ManagersAboveAsync(ws, manager.Manager, manager.Agent, cancellationToken);
        return await ledger.ChangeMemberAsync(ws, manager.Agent,
            row => ManagerDecider.Decide(new ManagerState(agent, boss, above, row), manager, actor, clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// The admin-set managers above <paramref name="member"/>, nearest first: a mapping that would put someone above
    /// their own manager closes a loop. Read up to <paramref name="until"/> at most (no need to look further), and
    /// bounded, so a loop written before this check existed cannot hang a command.
    /// </summary>
    private async Task<IReadOnlyList<MemberId>> ManagersAboveAsync(WorkspaceId workspace, MemberId member, MemberId until, CancellationToken cancellationToken)
    {
        var above = new List<MemberId>();
        var seen = new HashSet<MemberId> { member };
        for (var current = member; above.Count < ManagerDecider.MaxDepth;)
        {
            if ((await ledger.GetMemberAsync(workspace, current, cancellationToken)).Manager is not { } up || !seen.Add(up)) break;
            above.Add(up);
            if (up == until) break;
            current = up;
        }
        return above;
    }
}
