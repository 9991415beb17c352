using System.Globalization;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Awards;

public enum AwardKind
{
    /// <summary>Agent of the month, chosen from the month's nominees.</summary>
    Month,

    /// <summary>Agent of the year, chosen from the year's monthly winners.</summary>
    Year,
}

/// <summary>A reason someone gave for a nomination, and who gave it (shown to the approvers only).</summary>
public sealed record AwardReason(MemberId Nominator, string Text);

/// <summary>
/// One nominee on an award card: how many nominated them (and the first reasons), the kudos and points they received
/// in the period, their top values, their manager (the team as the ledger knows it), and for the yearly award the
/// months they won.
/// </summary>
public sealed record AwardCandidate(
    MemberId Member,
    int Nominations,
    IReadOnlyList<AwardReason> Reasons,
    int Kudos,
    int Points,
    IReadOnlyList<string> Values,
    MemberId? Manager)
{
    public IReadOnlyList<string> MonthsWon { get; init; } = [];
}

/// <summary>A catalog reward the approvers may grant with the award (at no cost to the winner).</summary>
public sealed record AwardOption(string RewardId, string Name);

/// <summary>
/// An award of one period (<c>2026-11</c> for a month, <c>2026</c> for a year): its candidates, the rewards offered when
/// the card was drawn, who may choose, and once chosen the winner, who chose when, and the reward granted.
/// </summary>
public sealed record Award(
    string Period,
    AwardKind Kind,
    IReadOnlyList<AwardCandidate> Candidates,
    IReadOnlyList<AwardOption> Rewards,
    IReadOnlyList<MemberId> Approvers,
    DateTimeOffset OpenedAt)
{
    public MemberId? Winner { get; init; }
    public MemberId? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? RewardName { get; init; }

    /// <summary>The redemption (completed, at no cost) that grants the reward; null without one.</summary>
    public string? RedemptionId { get; init; }

    /// <summary>Where the approvers' cards were posted, so the decision redraws each in place.</summary>
    public IReadOnlyList<PostedMessage> Messages { get; init; } = [];

    public bool IsDecided => Winner is not null;
}

/// <summary>Award periods in the workspace's zone: a month as <c>yyyy-MM</c>, a year as <c>yyyy</c>.</summary>
public static class AwardPeriods
{
    /// <summary>The local month <paramref name="at"/> falls in.</summary>
    public static string Month(DateTimeOffset at, TimeZoneInfo zone) => Clock.Local(at, zone).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The month before the local month of <paramref name="now"/>: the one whose award falls due when a month starts.</summary>
    public static string PreviousMonth(DateTimeOffset now, TimeZoneInfo zone) =>
        FirstOfMonth(Clock.Local(now, zone)).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The year before the local year of <paramref name="now"/>, when <paramref name="now"/> is in January; else null.</summary>
    public static string? YearDue(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = Clock.Local(now, zone);
        return local.Month == 1 ? (local.Year - 1).ToString(CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The UTC range [from, to) of a period in the zone.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Range(string period, TimeZoneInfo zone)
    {
        if (period.Length == 4)
        {
            var year = new DateTime(int.Parse(period, CultureInfo.InvariantCulture), 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
            return (Clock.ToUtc(year, zone), Clock.ToUtc(year.AddYears(1), zone));
        }
        var month = DateTime.ParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture);
        return (Clock.ToUtc(month, zone), Clock.ToUtc(month.AddMonths(1), zone));
    }

    /// <summary>The middle of a period, for naming it in a reader's language ("November 2026").</summary>
    public static DateTime Named(string period) =>
        period.Length == 4
            ? new DateTime(int.Parse(period, CultureInfo.InvariantCulture), 7, 1, 0, 0, 0, DateTimeKind.Unspecified)
            : DateTime.ParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture).AddDays(14);

    private static DateTime FirstOfMonth(DateTime local) => new(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
}
