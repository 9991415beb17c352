using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos.Leaderboard;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Kudos.Channel;

/// <summary>
/// The channel board. What a channel may show follows the digest's rule, narrowed to the one channel: only kudos given
/// in it, only to people who may be named (not private kudos, not people who chose privacy then or since). The asker
/// must be on the platform's roster of the team (or channel): a tab's channel id comes from the client, so the platform,
/// not the page, says who may look. Kudos given in a private channel additionally need the asker in that channel.
/// </summary>
public sealed class ChannelBoardHandler(TableLedger ledger, IEnumerable<IChannelRoster> rosters, TimeProvider clock) : ICommandHandler<ChannelBoardCommand>
{
    public const int RecentCount = 10;

    public async Task<CommandResult> HandleAsync(CommandRequest<ChannelBoardCommand> request, CancellationToken cancellationToken)
    {
        var (workspace, channel, asker) = (request.Workspace, request.Context.Conversation, request.Actor);
        if (channel.Kind is not (ConversationKind.Channel or ConversationKind.PrivateChannel)) return new Refused(Refusal.NotInChannel);
        var roster = rosters.FirstOrDefault(r => r.Platform == workspace.Platform);
        if (roster is null || !await roster.IncludesAsync(workspace, channel, asker, cancellationToken)) return new Refused(Refusal.NotChannelMember);

        var now = clock.GetUtcNow();
        var (from, to) = request.Command.Period == LeaderboardPeriod.All
            ? (now.AddYears(-1), now)
            : Clock.Range(now, request.Settings.Zone, request.Command.Period);
        bool? inPrivateChannel = null;
        var given = new List<Kudos>();
        await foreach (var k in ledger.QueryKudosAsync(workspace, from, to, cancellationToken))
        {
            // What the row says decides, not what the client said: the same channel, of the same team.
            if (k.Conversation.Id != channel.Id || k.Conversation.TeamId != channel.TeamId) continue;
            if (k.Conversation.Kind == ConversationKind.PrivateChannel)
            {
                inPrivateChannel ??= await roster.IncludesAsync(workspace, k.Conversation with { TeamId = null }, asker, cancellationToken);
                if (!inPrivateChannel.Value) continue;
            }
            else if (k.Conversation.Kind != ConversationKind.Channel)
            {
                continue;
            }
            given.Add(k);
        }

        var tally = new LeaderboardTally();
        foreach (var k in given) tally.Add(k);
        var candidates = tally.Members.Concat(given.SelectMany(k => k.Recipients)).Distinct().ToList();
        var states = (await ledger.GetMembersAsync(workspace, candidates, cancellationToken)).ToDictionary(s => s.Member);
        var board = await tally.TopAsync(request.Command.Period, chunk =>
            Task.FromResult(chunk.Where(m => states.GetValueOrDefault(m) is { } s && (s.PrivateCelebrations || s.HasLeft)).ToHashSet()));
        var recent = given
            .Where(k => k.PublicRecipients.Count == k.Recipients.Count && k.Recipients.Count > 0
                && k.Recipients.All(r => states.GetValueOrDefault(r) is not { PrivateCelebrations: true }))
            .OrderByDescending(k => k.GivenAt)
            .Take(RecentCount)
            .Select(k => new ChannelKudos(k.Id, k.Giver, k.Recipients, k.PointsWithAddOns, k.Message, k.Values, k.GivenAt))
            .ToList();
        return new ChannelBoardView(board, recent);
    }
}
