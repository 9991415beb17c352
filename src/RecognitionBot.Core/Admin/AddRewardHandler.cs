using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin reward add "name" cost [stock] [approval] [limit]</c>: a new catalog entry, audited.</summary>
public sealed class AddRewardHandler(ILedger ledger) : ICommandHandler<AddRewardCommand>
{
    public Task<CommandResult> HandleAsync(CommandRequest<AddRewardCommand> request, CancellationToken cancellationToken) =>
        ledger.AddRewardAsync(request.Workspace, request.Actor, request.Command, cancellationToken);
}
