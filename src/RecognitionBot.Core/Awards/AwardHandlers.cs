using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Members;

namespace RecognitionBot.Core.Awards;

/// <summary>
/// <c>/kudos nominate @x &lt;why&gt;</c>: the rules that need no storage, the directory's word on the nominee (no bot,
/// outsider or leaver), then one transaction. The answer goes to the nominator alone; the nominee is told nothing.
/// </summary>
[MembersOnly]
public sealed class NominateHandler(IAwardLedger ledger, Membership membership) : ICommandHandler<NominateCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<NominateCommand> request, CancellationToken cancellationToken)
    {
        var (context, nominate, settings) = request;
        if (NominationDecider.Check(context.Actor, nominate.Nominee, nominate.Reason) is { } refused) return refused;
        if (await membership.CheckMembersAsync(context.Workspace, [nominate.Nominee], cancellationToken) is { } notMember) return notMember;
        return await ledger.NominateAsync(
            new NominateRequest(context.Workspace, context.Actor, nominate.Nominee, nominate.Reason, context.DeliveryKey?.Value, settings), cancellationToken);
    }
}

/// <summary>"Choose as winner" on an award card: the first approver's choice wins; later clicks see it; others are refused.</summary>
public sealed class ChooseAwardHandler(IAwardLedger ledger) : ICommandHandler<ChooseAwardCommand>
{
    public Task<CommandResult> HandleAsync(CommandRequest<ChooseAwardCommand> request, CancellationToken cancellationToken)
    {
        var (context, choose, settings) = request;
        return ledger.ChooseAwardAsync(new ChooseAwardRequest(context.Workspace, context.Actor, choose.Period, choose.Winner,
            string.IsNullOrWhiteSpace(choose.RewardId) ? null : choose.RewardId.Trim(), context.DeliveryKey?.Value, settings), cancellationToken);
    }
}
