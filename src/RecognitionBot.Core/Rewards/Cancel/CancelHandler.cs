using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Rewards.Cancel;

/// <summary>The requester withdraws a pending redemption: the held points come back, every approval card is redrawn.</summary>
public sealed class CancelHandler(ILedger ledger) : ICommandHandler<CancelRedemptionCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<CancelRedemptionCommand> request, CancellationToken cancellationToken) =>
        await ledger.CancelAsync(request.Workspace, request.Actor, request.Command.RedemptionId, request.Context.DeliveryKey?.Value, request.Settings, cancellationToken);
}
