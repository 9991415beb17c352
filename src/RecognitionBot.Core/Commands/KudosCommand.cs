using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Commands;

/// <summary>
/// A command in the platform-neutral grammar of SPEC.md. Adapters pass text whose mentions they have already
/// resolved to members, written as <c>&lt;@memberId&gt;</c>; button clicks become commands directly.
/// </summary>
public abstract record KudosCommand;

/// <summary><c>/kudos @a [@b ...] [+N] message [#value ...] [--private]</c>. Points null means the workspace default.</summary>
public sealed record GiveCommand(
    IReadOnlyList<MemberId> Recipients,
    int? Points,
    string Message,
    IReadOnlyList<string> Hashtags,
    bool Private) : KudosCommand
{
    /// <summary>What the kudos is for, when it was started from a message (its permalink); the celebration links it.</summary>
    public string? Link { get; init; }
}

/// <summary>
/// Open the composer: what it offers in this workspace, the giver's allowance, and who is chosen already (a
/// message's author); <see cref="Link"/> is the message it was started from.
/// </summary>
public sealed record ComposeCommand(IReadOnlyList<MemberId> Recipients) : KudosCommand
{
    public string? Link { get; init; }
}

/// <summary>
/// A composer sent back (Slack's modal, Teams' card): read by <see cref="Kudos.Give.ComposerSubmission"/> on the
/// workspace's settings, then given by the same handler as the typed command. <see cref="Link"/> as on <see cref="GiveCommand"/>.
/// </summary>
public sealed record SubmitComposerCommand(Kudos.Give.ComposerInput Input) : KudosCommand
{
    public string? Link { get; init; }
}

/// <summary>
/// "+ Add on" on a public celebration: the clicker adds <paramref name="Points"/> from their own allowance to each of
/// the kudos' public recipients. <paramref name="Celebration"/> is the clicked post, for a celebration not recorded yet.
/// </summary>
public sealed record AddOnCommand(string Kudos, int Points, Rewards.PostedMessage? Celebration = null) : KudosCommand;

/// <summary>"Undo" on the giver's confirmation: within the undo window, the kudos is reversed.</summary>
public sealed record UndoKudosCommand(string Kudos) : KudosCommand;

public sealed record BalanceCommand : KudosCommand;

/// <summary>A member's home (Slack's App Home, later the dashboard's "My kudos"): balance, leaderboard, rewards, what waits for them.</summary>
public sealed record HomeCommand : KudosCommand;

public enum LeaderboardPeriod
{
    Week,
    Month,
    All,
}

public sealed record LeaderboardCommand(LeaderboardPeriod Period) : KudosCommand;

public sealed record RewardsCommand : KudosCommand;

/// <summary><c>/kudos redeem &lt;reward&gt;</c>: by id or unambiguous name (resolved against the catalog later).</summary>
public sealed record RedeemCommand(string Reward) : KudosCommand;

/// <summary>The requester withdraws a pending redemption (<c>/kudos cancel &lt;id&gt;</c> or a card button).</summary>
public sealed record CancelRedemptionCommand(string RedemptionId) : KudosCommand;

/// <summary>An approver's decision, from a card button (Reject may carry a reason).</summary>
public sealed record DecideRedemptionCommand(string RedemptionId, bool Approve, string? Reason) : KudosCommand;

public sealed record HistoryCommand : KudosCommand;

/// <summary><c>/kudos nominate @x &lt;why&gt;</c>: a private nomination for agent of the month.</summary>
public sealed record NominateCommand(MemberId Nominee, string Reason) : KudosCommand;

/// <summary>An approver's choice on an award card: the period's winner, with a catalog reward or none.</summary>
public sealed record ChooseAwardCommand(string Period, MemberId Winner, string? RewardId) : KudosCommand;

/// <summary><c>/kudos digest on [&lt;weekday&gt; &lt;HH:mm&gt; &lt;IANA zone&gt;]</c>; nulls mean the workspace defaults.</summary>
public sealed record DigestOnCommand(DayOfWeek? Day, TimeOnly? Time, string? TimeZone) : KudosCommand;

public sealed record DigestOffCommand : KudosCommand;

/// <summary><c>/kudos digest now</c> (or <c>preview</c>): this week's digest, only to the person asking.</summary>
public sealed record DigestPreviewCommand : KudosCommand;

public enum MemberSetting
{
    Private,
    Dm,
}

public sealed record SettingsCommand(MemberSetting? Setting, bool? On) : KudosCommand;

public sealed record HelpCommand : KudosCommand;

/// <summary><c>/kudos admin ...</c>: only workspace admins may run these.</summary>
public abstract record AdminCommand : KudosCommand;

public sealed record AddRewardCommand(string Name, int Cost, int? Stock, bool NeedsApproval, int? MonthlyLimit) : AdminCommand;

public sealed record RemoveRewardCommand(string RewardId) : AdminCommand;

public enum AllowancePeriod
{
    Monthly,
    Weekly,
}

public sealed record SetAllowanceCommand(int Points, AllowancePeriod? Period) : AdminCommand;

public sealed record ChangeValuesCommand(bool Add, string Value) : AdminCommand;

public sealed record ChangeApproverCommand(bool Add, MemberId Member) : AdminCommand;

/// <summary><c>admin admin add|remove @x</c>: the workspace's own admins, beside those the platform names.</summary>
public sealed record ChangeAdminCommand(bool Add, MemberId Member) : AdminCommand;

/// <summary><c>admin manager @agent @manager</c>: who approves the agent's redemptions (Slack's mapping; Teams asks Graph first).</summary>
public sealed record SetManagerCommand(MemberId Agent, MemberId Manager) : AdminCommand;

/// <summary><c>admin role manager @x</c> (and <c>admin role member @x</c> to undo): managers get the larger allowance.</summary>
public sealed record SetRoleCommand(MemberId Member, bool Manager) : AdminCommand;

public sealed record SetTimeZoneCommand(string TimeZone) : AdminCommand;

/// <summary><c>admin language en|it|sv</c>: the workspace's language, for channel posts, digests and anyone whose own is unknown.</summary>
public sealed record SetLanguageCommand(string Language) : AdminCommand;

/// <summary><c>admin log [N]</c>: the latest N audit rows (default 10, at most 50).</summary>
public sealed record AuditLogCommand(int Count) : AdminCommand
{
    /// <summary>How many of the newest rows to pass over first: the dashboard pages through the log.</summary>
    public int Skip { get; init; }

    /// <summary>The most rows a page may pass over (<see cref="Skip"/>): every page reads all the rows before it.</summary>
    public const int MaxReach = 1000;

    public const int Default = 10;
    public const int Max = 50;
}

/// <summary><c>admin celebrations here|off</c>: where kudos given in a DM to the bot are celebrated.</summary>
public sealed record SetCelebrationChannelCommand(bool Here) : AdminCommand
{
    /// <summary>A channel named by id (the dashboard's settings), in place of the conversation the command was typed in.</summary>
    public string? Channel { get; init; }
}

/// <summary>
/// <c>admin integration add &lt;name&gt; [--points N] [--channel #c]</c>: a helpdesk that may post customer compliments,
/// celebrated in <paramref name="Channel"/> (else where the command was typed); each brings <paramref name="Points"/> from
/// the company budget (default none).
/// </summary>
public sealed record AddIntegrationCommand(string Name, int? Points, string? Channel) : AdminCommand;

public sealed record ListIntegrationsCommand : AdminCommand;

public sealed record RemoveIntegrationCommand(string Name) : AdminCommand;

/// <summary><c>admin budget [N]</c>: the company budget for customer kudos points, shown, or set to N points.</summary>
public sealed record BudgetCommand(int? Points) : AdminCommand;

/// <summary><c>admin outbox [retry]</c>: what waits to be posted and what was parked (refused for good); retry sends the parked again.</summary>
public sealed record OutboxCommand(bool Retry) : AdminCommand;

/// <summary>
/// The dashboard's catalog edit of a live reward: its name, cost, approval and monthly limit. Stock has its own
/// command (<see cref="RestockRewardCommand"/>), as redemptions change it concurrently.
/// </summary>
public sealed record EditRewardCommand(string RewardId, string Name, int Cost, bool NeedsApproval, int? MonthlyLimit) : AdminCommand;

/// <summary>Adds <paramref name="Quantity"/> to a stocked reward's stock (an unlimited reward has none to add to).</summary>
public sealed record RestockRewardCommand(string RewardId, int Quantity) : AdminCommand;

/// <summary>The admins' overview (the dashboard's charts): 12 weeks of kudos, participation, values, spread.</summary>
public sealed record OverviewCommand : AdminCommand;

/// <summary>What an export holds: kudos, ledger movements or redemptions.</summary>
public enum ExportKind
{
    Kudos,
    Movements,
    Redemptions,
}

/// <summary>
/// An export of one kind for the local days [<paramref name="From"/>, <paramref name="To"/>) in the workspace's zone:
/// from 00:00 of the first day, up to but not including 00:00 of the last.
/// </summary>
public sealed record ExportCommand(ExportKind Kind, DateOnly From, DateOnly To) : AdminCommand
{
    /// <summary>The longest range one export reads (about a year and a week: a year's report, whatever the calendar).</summary>
    public const int MaxDays = 372;
}

/// <summary>What the dashboard's settings page shows: the settings, and the people an admin may choose among.</summary>
public sealed record AdminSettingsCommand : AdminCommand;
