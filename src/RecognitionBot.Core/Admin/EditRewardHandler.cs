using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Admin;

/// <summary>The dashboard's catalog edit: a live reward's name, cost, approval and monthly limit, audited.</summary>
public sealed class EditRewardHandler(ILedger ledger) : ICommandHandler<EditRewardCommand>
{
    public Task<CommandResult> HandleAsync(CommandRequest<EditRewardCommand> request, CancellationToken cancellationToken) =>
        ledger.EditRewardAsync(request.Workspace, request.Actor, request.Command, cancellationToken);
}
