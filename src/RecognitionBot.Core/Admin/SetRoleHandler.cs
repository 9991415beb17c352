using RecognitionBot.Core.Admin.People;
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
        var named = await membership.NameAsync(request.Workspace, role.Member, cancellationToken);
        return await ledger.ChangeMemberAsync(request.Workspace, role.Member, row => RoleDecider.Decide(row, named, role, request.Actor, clock.GetUtcNow()), cancellationToken);
    }
}
