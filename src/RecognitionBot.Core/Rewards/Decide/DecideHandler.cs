using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Rewards.Decide;

/// <summary>An approver approves or rejects a pending redemption; the first decision wins, later ones see it.</summary>
public sealed class DecideHandler(ILedger ledger) : ICommandHandler<DecideRedemptionCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<DecideRedemptionCommand> request, CancellationToken cancellationToken)
    {
        var (context, decide, settings) = request;
        return await ledger.DecideAsync(new DecideRequest(context.Workspace, context.Actor, decide.RedemptionId, decide.Approve, decide.Reason,
            context.DeliveryKey?.Value, settings), cancellationToken);
    }
}
