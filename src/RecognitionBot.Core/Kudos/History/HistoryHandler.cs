using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Kudos.History;

/// <summary><c>/kudos history</c>: the asker's latest movements (kudos given and received, redemptions).</summary>
public sealed class HistoryHandler(ILedger ledger) : ICommandHandler<HistoryCommand>
{
    // A chat message, not a report: the latest twenty read at a glance.
    private const int Latest = 20;

    public async Task<CommandResult> HandleAsync(CommandRequest<HistoryCommand> request, CancellationToken cancellationToken) =>
        await ledger.GetHistoryAsync(request.Workspace, request.Actor, Latest, cancellationToken);
}
