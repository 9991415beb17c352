using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Kudos.Balance;

/// <summary><c>/kudos balance</c>: the asker's allowance left, points earned, held and spent.</summary>
public sealed class BalanceHandler(ILedger ledger) : ICommandHandler<BalanceCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<BalanceCommand> request, CancellationToken cancellationToken) =>
        await ledger.GetBalanceAsync(request.Workspace, request.Actor, request.Settings, cancellationToken);
}
