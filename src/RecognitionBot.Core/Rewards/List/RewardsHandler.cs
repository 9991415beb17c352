using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Rewards.List;

/// <summary><c>/kudos rewards</c>: the catalog, with the points the asker has available to spend.</summary>
public sealed class RewardsHandler(ILedger ledger) : ICommandHandler<RewardsCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<RewardsCommand> request, CancellationToken cancellationToken)
    {
        var rewards = ledger.GetRewardsAsync(request.Workspace, cancellationToken);
        var member = ledger.GetMemberAsync(request.Workspace, request.Actor, cancellationToken);
        return new RewardsView(await rewards, (await member).Balance.Available);
    }
}
