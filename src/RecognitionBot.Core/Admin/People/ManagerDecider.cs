using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin.People;

/// <summary>
/// What mapping a manager needs: the directory's word on both people, the admin-set managers above the new manager
/// (read up the chain before the change, at most 100), and the agent's row.
/// </summary>
public sealed record ManagerState(NamedMember Agent, NamedMember Manager, IReadOnlyList<MemberId> ManagersAboveManager, MemberRow AgentRow);

/// <summary>
/// Mapping an agent to their manager, who approves their redemptions: two different members of this organisation,
/// and no loop (the agent may not already be above the manager). The admin who sets it is kept: one who maps
/// themselves does not approve (<see cref="MemberState.IsSelfMappedManager"/>).
/// </summary>
public static class ManagerDecider
{
    /// <summary>How far up the chain a loop is looked for: deeper than any real organisation, so a command cannot hang.</summary>
    public const int MaxDepth = 100;

    public static Decided<MemberChangeDecision> Decide(ManagerState state, SetManagerCommand command, MemberId admin, DateTimeOffset now)
    {
        if (command.Agent == command.Manager) return new Refused(Refusal.SelfApproval);
        if (state.Agent.Refusal is { } badAgent) return badAgent;
        if (state.Manager.Refusal is { } badManager) return badManager;
        if (state.ManagersAboveManager.Contains(command.Agent))
            return new Refused(Refusal.ManagerCycle, $"{command.Manager.Value}|{command.Agent.Value}");
        var before = state.AgentRow;
        var next = before with { Manager = command.Manager, ManagerSetBy = admin };
        return new MemberChangeDecision(next,
            new AuditEntry(now, admin, AuditAction.Manager, command.Agent.Value, before.Manager?.Value, command.Manager.Value), new AdminDone(command));
    }
}
