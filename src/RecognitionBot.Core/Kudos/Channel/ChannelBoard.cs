using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Kudos.Channel;

/// <summary>
/// A channel's own board (the Teams channel tab): who was recognised most in it over <paramref name="Period"/>, and
/// its latest kudos. The channel is the context's conversation; <see cref="LeaderboardPeriod.All"/> means the last year.
/// </summary>
public sealed record ChannelBoardCommand(LeaderboardPeriod Period) : KudosCommand;

/// <summary>One kudos as a channel may show it: public, everyone in it nameable.</summary>
public sealed record ChannelKudos(
    string KudosId, MemberId Giver, IReadOnlyList<MemberId> Recipients, int Points, string Message, IReadOnlyList<string> Values, DateTimeOffset At);

public sealed record ChannelBoardView(LeaderboardView Leaderboard, IReadOnlyList<ChannelKudos> Recent) : CommandResult;
