using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Outbox;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin outbox [retry]</c>: what waits to be posted and what was parked; retry sends the parked again.</summary>
public sealed class OutboxHandler(OutboxStore outbox, IOutboxSignal signal) : ICommandHandler<OutboxCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<OutboxCommand> request, CancellationToken cancellationToken)
    {
        if (!request.Command.Retry) return new OutboxView(await outbox.SummarizeAsync(request.Workspace, cancellationToken));
        var retried = await outbox.RetryParkedAsync(request.Workspace, cancellationToken);
        if (retried > 0) signal.Wake(request.Workspace);
        return new OutboxView(await outbox.SummarizeAsync(request.Workspace, cancellationToken), retried);
    }
}
