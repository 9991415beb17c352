using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Dashboard;

/// <summary>
/// The admins' overview of recognition in a workspace: counts only, nobody named, so people who chose privacy and
/// private kudos are counted without being shown.
/// </summary>
/// <param name="Weeks">
/// The last <see cref="OverviewBuilder.Weeks"/> local weeks (Monday to Sunday in the workspace's zone), oldest first, the current one last.
/// </param>
/// <param name="Participation">Who gave and who received in the last <see cref="OverviewBuilder.ParticipationDays"/> days.</param>
/// <param name="Values">Kudos per value over the weeks shown: the workspace's values first (zeros included), then retired ones still in use.</param>
/// <param name="Kinds">Kudos per kind of conversation, every kind listed (zeros included), so no kind is left out.</param>
/// <param name="Places">
/// Public channels (Slack) and teams (Teams) with kudos in the weeks shown, busiest first; private conversations are
/// counted in <paramref name="Kinds"/> only.
/// </param>
public sealed record OverviewView(
    DateTimeOffset At,
    IReadOnlyList<WeekTotal> Weeks,
    Participation Participation,
    IReadOnlyList<ValueCount> Values,
    IReadOnlyList<KindTotal> Kinds,
    IReadOnlyList<PlaceTotal> Places) : CommandResult;

/// <summary>One local week: kudos given, and the points they moved (with add-ons).</summary>
public sealed record WeekTotal(DateOnly Start, int Kudos, int Points);

/// <summary>Of the <paramref name="People"/> the ledger knows who have not left, how many gave and how many received.</summary>
public sealed record Participation(int People, int Gave, int Received, int Days)
{
    /// <summary>The share of people who gave, 0 to 1 (0 when nobody is known yet).</summary>
    public double GaveShare => People == 0 ? 0 : (double)Gave / People;

    public double ReceivedShare => People == 0 ? 0 : (double)Received / People;
}

public sealed record ValueCount(string Value, int Kudos);

public sealed record KindTotal(ConversationKind Kind, int Kudos, int Points);

/// <summary>
/// A public place: a Slack channel (<paramref name="Id"/> the channel) or a Teams team (<paramref name="Id"/> the team),
/// with its kudos over the weeks shown and over the last four of them (a place gone quiet shows 0 recent).
/// </summary>
public sealed record PlaceTotal(string Id, bool IsTeam, int Kudos, int Points, int People, int RecentKudos);
