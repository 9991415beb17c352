using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Views;

namespace RecognitionBot.Core.Kudos.Give;

/// <summary>
/// The composer a surface opens (Slack's modal, Teams' card): the workspace's values and limits and the giver's
/// allowance, so the form offers what the rules accept. Refused to guests, who may not give.
/// </summary>
[MembersOnly]
public sealed class ComposeHandler(ILedger ledger) : ICommandHandler<ComposeCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<ComposeCommand> request, CancellationToken cancellationToken)
    {
        var balance = await ledger.GetBalanceAsync(request.Workspace, request.Actor, request.Settings, cancellationToken);
        var recipients = request.Command.Recipients.Where(r => r != request.Actor).Distinct().Take(request.Settings.MaxRecipients).ToList();
        return ComposerForm.For(request.Settings, balance.Allowance, recipients) with { Link = request.Command.Link };
    }
}
