using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin reward remove &lt;id&gt;</c>: out of the catalog; pending requests for it stay decidable.</summary>
public sealed class RemoveRewardHandler(ILedger ledger) : ICommandHandler<RemoveRewardCommand>
{
    public Task<CommandResult> HandleAsync(CommandRequest<RemoveRewardCommand> request, CancellationToken cancellationToken) =>
        ledger.RemoveRewardAsync(request.Workspace, request.Actor, request.Command, cancellationToken);
}
