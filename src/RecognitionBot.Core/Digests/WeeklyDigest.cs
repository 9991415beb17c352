using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Digests;

public sealed record DigestRecipient(MemberId Member, int Kudos, int Points);

public sealed record DigestHighlight(string KudosId, MemberId Giver, IReadOnlyList<MemberId> Recipients, int Points, string Message);

/// <summary>A week of recognition in one workspace. Private kudos count in totals but are never named.</summary>
public sealed record WeeklyDigest(
    string Week,
    DateTimeOffset From,
    DateTimeOffset To,
    int KudosCount,
    int Points,
    int PeopleRecognised,
    IReadOnlyList<DigestRecipient> TopRecipients,
    IReadOnlyList<KeyValuePair<string, int>> TopValues,
    IReadOnlyList<DigestHighlight> Highlights,
    IReadOnlyList<MemberId> FirstTimeRecipients)
{
    public bool IsEmpty => KudosCount == 0;
}
