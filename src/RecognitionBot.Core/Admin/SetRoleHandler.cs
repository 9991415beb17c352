using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Members;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin role manager|member @x</c>: managers get the larger allowance.</summary>
public sealed class SetRoleHandler(ILedger ledger, Membership membership, TimeProvider clock) : ICommandHandler<SetRoleCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<SetRoleCommand> request, CancellationToken cancellationToken)
    {
        var role = request.Command;
        if (await membership.CheckMembersAsync(request.Workspace, [role.Member], cancellationToken) is { } bad) return bad;
        await ledger.UpdateMemberAsync(request.Workspace, role.Member, new MemberChange(IsManager: role.Manager),
            before => new AuditEntry(clock.GetUtcNow(), request.Actor, AuditAction.Role, role.Member.Value, RoleName(before.IsManager), RoleName(role.Manager)),
            cancellationToken);
        return new AdminDone(role);
    }

    private static string RoleName(bool manager) => manager ? "manager" : "member";
}
