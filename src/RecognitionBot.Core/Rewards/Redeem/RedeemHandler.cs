using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Rewards.Redeem;

/// <summary><c>/kudos redeem &lt;reward&gt;</c> or the catalog's button: points held (or spent) and approvers asked, in one transaction.</summary>
[MembersOnly]
public sealed class RedeemHandler(ILedger ledger, Approvers approvers) : ICommandHandler<RedeemCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<RedeemCommand> request, CancellationToken cancellationToken)
    {
        var (context, redeem, settings) = request;
        // Resolved before the transaction: the ledger's retries never call back out to the directory or Graph.
        var resolved = await approvers.ResolveAsync(context.Workspace, context.Actor, settings, cancellationToken);
        return await ledger.RedeemAsync(new RedeemRequest(context.Workspace, context.Actor, redeem.Reward, context.DeliveryKey?.Value, settings, resolved), cancellationToken);
    }
}
