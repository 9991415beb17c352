using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Kudos.Leaderboard;

/// <summary><c>/kudos leaderboard [week|month|all]</c>.</summary>
public sealed class LeaderboardHandler(ILedger ledger) : ICommandHandler<LeaderboardCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<LeaderboardCommand> request, CancellationToken cancellationToken) =>
        await ledger.GetLeaderboardAsync(request.Workspace, request.Command.Period, request.Settings, cancellationToken);
}
