using RecognitionBot.Core.Commands;

namespace RecognitionBot.Core.Workspaces;

/// <summary>
/// Per-workspace rules. Every number in SPEC.md is a default here, never a constant in the rules.
/// </summary>
public sealed record WorkspaceSettings
{
    public static readonly IReadOnlyList<string> DefaultValues =
        ["#empathy", "#ownership", "#teamwork", "#customer-first", "#above-and-beyond"];

    public string TimeZone { get; init; } = "UTC";
    public int Allowance { get; init; } = 100;
    public AllowancePeriod AllowancePeriod { get; init; } = AllowancePeriod.Monthly;
    public int ManagerAllowance { get; init; } = 500;
    public int DefaultPoints { get; init; } = 10;
    public int MaxPoints { get; init; } = 100;
    public int MaxRecipients { get; init; } = 10;
    public int PairDailyCap { get; init; } = 50;
    public int MinMessageLength { get; init; } = 3;
    public int MaxMessageLength { get; init; } = 500;

    /// <summary>How long after giving the giver may undo a kudos.</summary>
    public TimeSpan UndoWindow { get; init; } = TimeSpan.FromSeconds(60);
    public IReadOnlyList<string> Values { get; init; } = DefaultValues;
    public IReadOnlyList<MemberId> Approvers { get; init; } = [];
    public IReadOnlyList<MemberId> Admins { get; init; } = [];
    public string? CelebrationChannel { get; init; }
    public string DefaultLocale { get; init; } = "en";
    public DayOfWeek DigestDay { get; init; } = DayOfWeek.Friday;
    public TimeOnly DigestTime { get; init; } = new(16, 0);

    public TimeZoneInfo Zone => Clock.FindZone(TimeZone);
}
