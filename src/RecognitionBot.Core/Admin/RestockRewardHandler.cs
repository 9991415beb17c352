using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Admin;

/// <summary>The dashboard's restock: more of a stocked reward, audited.</summary>
public sealed class RestockRewardHandler(ILedger ledger) : ICommandHandler<RestockRewardCommand>
{
    public Task<CommandResult> HandleAsync(CommandRequest<RestockRewardCommand> request, CancellationToken cancellationToken) =>
        ledger.RestockRewardAsync(request.Workspace, request.Actor, request.Command, cancellationToken);
}
