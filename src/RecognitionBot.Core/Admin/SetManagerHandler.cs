using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin manager @agent @manager</c>: who approves the agent's redemptions, never closing a loop.</summary>
public sealed class SetManagerHandler(ILedger ledger, Membership membership, TimeProvider clock) : ICommandHandler<SetManagerCommand>
{
    // Far more than any real chain of command; a loop written before the cycle check existed stops here.
    private const int MaxChain = 100;

    public async Task<CommandResult> HandleAsync(CommandRequest<SetManagerCommand> request, CancellationToken cancellationToken)
    {
        var (ws, manager, actor) = (request.Workspace, request.Command, request.Actor);
        if (manager.Agent == manager.Manager) return new Refused(Refusal.SelfApproval);
        if (await membership.CheckMembersAsync(ws, [manager.Agent], cancellationToken) is { } badAgent) return badAgent;
        if (await membership.CheckMembersAsync(ws, [manager.Manager], cancellationToken) is { } badManager) return badManager;
        if (await ReportsToAsync(ws, manager.Manager, manager.Agent, cancellationToken))
            return new Refused(Refusal.ManagerCycle, $"{manager.Manager.Value}|{manager.Agent.Value}");
        await ledger.UpdateMemberAsync(ws, manager.Agent, new MemberChange(Manager: manager.Manager, ManagerSetBy: actor),
            before => new AuditEntry(clock.GetUtcNow(), actor, AuditAction.Manager, manager.Agent.Value, before.Manager?.Value, manager.Manager.Value),
            cancellationToken);
        return new AdminDone(manager);
    }

    /// <summary>
    /// Whether <paramref name="member"/> already reports to <paramref name="boss"/> through the admin-set mappings,
    /// directly or up a chain: then making <paramref name="member"/> the boss's manager would close a loop.
    /// </summary>
    private async Task<bool> ReportsToAsync(WorkspaceId workspace, MemberId member, MemberId boss, CancellationToken cancellationToken)
    {
        var seen = new HashSet<MemberId> { member };
        for (var current = member; seen.Count <= MaxChain;)
        {
            var next = (await ledger.GetMemberAsync(workspace, current, cancellationToken)).Manager;
            if (next is not { } up) return false;
            if (up == boss) return true;
            if (!seen.Add(up)) return false;
            current = up;
        }
        return false;
    }
}
