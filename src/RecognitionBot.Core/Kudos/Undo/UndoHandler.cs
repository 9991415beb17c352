using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Kudos.Undo;

/// <summary>
/// "Undo" on the giver's confirmation: one ledger transaction decided by <see cref="UndoDecider"/>. A refused click
/// writes nothing at all, not even the clicker's locale (their row is not this transaction's to touch).
/// </summary>
[StoresLocale]
public sealed class UndoHandler(ILedger ledger) : ICommandHandler<UndoKudosCommand>
{
    public Task<CommandResult> HandleAsync(CommandRequest<UndoKudosCommand> request, CancellationToken cancellationToken) =>
        ledger.UndoAsync(new UndoRequest(request.Workspace, request.Actor, request.Command.Kudos, request.Context.DeliveryKey?.Value, request.Settings),
            cancellationToken);
}
