using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos.Leaderboard;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Views;

namespace RecognitionBot.Core.Home;

/// <summary>
/// A member's home, read in one go: balance and recent kudos, this month's leaderboard, the catalog, and the
/// requests waiting for them. Approvers (the workspace's, or anyone a request names) see the pending section even
/// when it is empty, so they know where requests will appear. The leaderboard may be a minute old (<see cref="RecentLeaderboards"/>).
/// </summary>
public sealed class HomeHandler(ILedger ledger, RecentLeaderboards leaderboards) : ICommandHandler<HomeCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<HomeCommand> request, CancellationToken cancellationToken)
    {
        var (workspace, member, settings) = (request.Workspace, request.Actor, request.Settings);
        var balance = ledger.GetBalanceAsync(workspace, member, settings, cancellationToken);
        var board = leaderboards.GetAsync(workspace, LeaderboardPeriod.Month, settings, cancellationToken);
        var rewards = ledger.GetRewardsAsync(workspace, cancellationToken);
        var waiting = await ledger.GetPendingRedemptionsAsync(workspace, member, cancellationToken);
        var requesters = (await ledger.GetMembersAsync(workspace, [.. waiting.Select(r => r.Requester).Distinct()], cancellationToken))
            .ToDictionary(s => s.Member, s => s.Balance.Available);
        var mine = await balance;
        IReadOnlyList<PendingApproval>? pending = waiting.Count > 0 || settings.Approvers.Contains(member)
            ? [.. waiting.Select(r => new PendingApproval(r, requesters.GetValueOrDefault(r.Requester)))]
            : null;
        return new HomeView(mine, await board, new RewardsView(await rewards, mine.Balance.Available), pending);
    }
}
