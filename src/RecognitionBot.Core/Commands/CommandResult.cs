using System.Text.Json.Serialization;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Commands;

/// <summary>
/// What a command did, for the adapter to render. A small closed set: expected refusals are values, not exceptions.
/// Serializable, because the idempotency row keeps the first answer to a delivery.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(NotUnderstood), "notUnderstood")]
[JsonDerivedType(typeof(Refused), "refused")]
[JsonDerivedType(typeof(KudosGiven), "kudosGiven")]
[JsonDerivedType(typeof(AddOnGiven), "addOnGiven")]
[JsonDerivedType(typeof(KudosUndone), "kudosUndone")]
[JsonDerivedType(typeof(BalanceView), "balance")]
[JsonDerivedType(typeof(LeaderboardView), "leaderboard")]
[JsonDerivedType(typeof(RewardsView), "rewards")]
[JsonDerivedType(typeof(RedemptionView), "redemption")]
[JsonDerivedType(typeof(HistoryView), "history")]
[JsonDerivedType(typeof(SettingsView), "settings")]
[JsonDerivedType(typeof(HelpView), "help")]
[JsonDerivedType(typeof(AdminDone), "adminDone")]
[JsonDerivedType(typeof(DigestSubscriptionView), "digestSubscription")]
[JsonDerivedType(typeof(DigestPreview), "digestPreview")]
[JsonDerivedType(typeof(OutboxView), "outbox")]
[JsonDerivedType(typeof(AuditLogView), "auditLog")]
[JsonDerivedType(typeof(Members.Leavers.LeaverMarked), "leaverMarked")]
[JsonDerivedType(typeof(Views.ComposerForm), "composer")]
[JsonDerivedType(typeof(Views.HomeView), "home")]
[JsonDerivedType(typeof(Kudos.Give.ComposerRefused), "composerRefused")]
[JsonDerivedType(typeof(Dashboard.OverviewView), "overview")]
[JsonDerivedType(typeof(Dashboard.ExportView), "export")]
[JsonDerivedType(typeof(Dashboard.AdminSettingsView), "adminSettings")]
[JsonDerivedType(typeof(Kudos.Channel.ChannelBoardView), "channelBoard")]
[JsonDerivedType(typeof(Members.Roles.RolesView), "roles")]
[JsonDerivedType(typeof(Members.People.MyPeopleView), "myPeople")]
[JsonDerivedType(typeof(Integrations.IntegrationCreated), "integrationCreated")]
[JsonDerivedType(typeof(Integrations.IntegrationsView), "integrations")]
[JsonDerivedType(typeof(Integrations.BudgetView), "budget")]
[JsonDerivedType(typeof(Integrations.CustomerKudosGiven), "customerKudos")]
[JsonDerivedType(typeof(Awards.NominationMade), "nominated")]
[JsonDerivedType(typeof(Awards.AwardView), "award")]
public abstract record CommandResult
{
    /// <summary>True when this is the stored first answer to a delivery seen before: nothing was done this time.</summary>
    [JsonIgnore]
    public bool Replayed { get; init; }
}

/// <summary>The text could not be parsed. Nothing changed.</summary>
public sealed record NotUnderstood(ParseError Error, string? Detail) : CommandResult;

/// <summary>A rule refused the command. Nothing changed.</summary>
public sealed record Refused(Refusal Reason, string? Detail = null) : CommandResult;

public enum Refusal
{
    TooManyRecipients,
    DuplicateRecipient,
    SelfKudos,
    BotRecipient,
    UnknownMember,
    /// <summary>A recipient belongs to another organisation (Slack Connect, a Teams guest or shared channel).</summary>
    OutsiderRecipient,
    /// <summary>The person asking belongs to another organisation: they may not give, receive or redeem here.</summary>
    Outsider,
    PointsOutOfRange,
    MessageTooShort,
    MessageTooLong,
    AllowanceExceeded,
    PairCapReached,
    NotAdmin,
    UnknownReward,
    AmbiguousReward,
    OutOfStock,
    NotEnoughPoints,
    MonthlyLimitReached,
    NoApprover,
    UnknownRedemption,
    NotApprover,
    SelfApproval,
    NotRequester,
    RewardExists,
    UnknownValue,
    ValueExists,
    NotInChannel,
    LastAdmin,
    /// <summary>The manager mapping would loop (A manages B manages A); detail: manager|agent.</summary>
    ManagerCycle,
    /// <summary>The decider mapped themselves as the requester's manager; detail: the requester.</summary>
    SelfMappedApprover,
    /// <summary>Someone who is not an admin tried to switch a channel's digest.</summary>
    DigestAdminsOnly,
    /// <summary>No kudos behind this button (or it is another workspace's).</summary>
    UnknownKudos,
    /// <summary>The giver clicked add-on on their own kudos.</summary>
    AddOnOwnKudos,
    /// <summary>A recipient clicked add-on on a kudos they received.</summary>
    AddOnRecipient,
    /// <summary>This person already added to this kudos (once each).</summary>
    AlreadyAddedOn,
    /// <summary>Private kudos have no add-ons.</summary>
    AddOnPrivate,
    /// <summary>The kudos was undone by its giver.</summary>
    KudosWithdrawn,
    /// <summary>Only the giver undoes a kudos.</summary>
    NotGiver,
    /// <summary>The undo window is over; detail: its length in seconds.</summary>
    UndoWindowClosed,
    /// <summary>Others added to the kudos: it is no longer the giver's alone to take back.</summary>
    UndoAfterAddOns,
    /// <summary>A recipient already spent or holds the points; detail: the recipient.</summary>
    UndoPointsSpent,
    Busy,
    StorageUnavailable,
    /// <summary>Storage did not answer within the command's budget: whether a change went through is not known yet.</summary>
    StorageSlow,
    /// <summary>A recipient has left the workspace (deactivated or removed); detail: the recipient.</summary>
    LeaverRecipient,
    /// <summary>The person asking has left the workspace: they may neither give nor redeem; detail: the person.</summary>
    Leaver,
    /// <summary>A composer was sent with nobody chosen (the typed command's parser says <see cref="ParseError.NoRecipient"/>).</summary>
    NoRecipient,
    /// <summary>A reward's name is empty or longer than <see cref="Admin.Catalogue.RewardRules.MaxNameLength"/>; detail: the limit.</summary>
    BadRewardName,
    /// <summary>A reward's cost, stock or monthly limit is not a whole number in range; detail: the largest allowed.</summary>
    BadRewardNumber,
    /// <summary>Restocking a reward without a stock (it is unlimited); detail: its name.</summary>
    UnlimitedStock,
    /// <summary>An export's range is empty, reversed or longer than <see cref="ExportCommand.MaxDays"/> days; detail: that limit.</summary>
    BadExportRange,
    /// <summary>This workspace has an integration of that name already; detail: the name.</summary>
    IntegrationExists,
    /// <summary>No integration of that name in this workspace; detail: the name.</summary>
    UnknownIntegration,
    /// <summary>The asker is not on the roster of the channel (its team) whose board they asked for.</summary>
    NotChannelMember,
    /// <summary>Nobody nominates themselves.</summary>
    SelfNomination,
    /// <summary>A nomination's reason is too short or too long; detail: min|max characters.</summary>
    NominationReason,
    /// <summary>This nominator already nominated this person this month; detail: the nominee.</summary>
    AlreadyNominated,
    /// <summary>No award of that period here (a forged or foreign button); detail: the period.</summary>
    UnknownAward,
    /// <summary>The person chosen is not on the award's card; detail: the person.</summary>
    NotNominee,
    /// <summary>Someone the award card did not go to (and no workspace approver) chose a winner.</summary>
    NotAwardApprover,
    /// <summary>An approver chose themselves.</summary>
    SelfAward,
}

public sealed record KudosGiven(Kudos.Kudos Kudos, IReadOnlyList<RecipientOutcome> Recipients, AllowanceView Allowance) : CommandResult;

/// <summary>An add-on made: the kudos with it, the points each recipient got from the adder, the adder's allowance now.</summary>
public sealed record AddOnGiven(Kudos.Kudos Kudos, int Points, AllowanceView Allowance) : CommandResult
{
    /// <summary>The celebration as it now reads, for a surface that redraws the clicked card at once.</summary>
    public Outbox.CelebrationPost? Celebration { get; init; }
}

/// <summary>A kudos undone by its giver: the points are back in their allowance.</summary>
public sealed record KudosUndone(Kudos.Kudos Kudos, AllowanceView Allowance) : CommandResult;

public sealed record BalanceView(MemberId Member, AllowanceView Allowance, MemberBalance Balance, IReadOnlyList<Movement> RecentKudos) : CommandResult;

public sealed record LeaderboardEntry(MemberId Member, int Kudos, int Points, string? TopValue);

public sealed record LeaderboardView(LeaderboardPeriod Period, IReadOnlyList<LeaderboardEntry> Entries) : CommandResult;

public sealed record RewardsView(IReadOnlyList<Reward> Rewards, int Available) : CommandResult;

public enum RedemptionChange
{
    Requested,
    Completed,
    Approved,
    Rejected,
    Cancelled,
    /// <summary>Already decided before this click: shows the current state, changes nothing.</summary>
    Unchanged,
}

public sealed record RedemptionView(Redemption Redemption, RedemptionChange Change, int RequesterAvailable) : CommandResult;

public sealed record HistoryView(MemberId Member, IReadOnlyList<Movement> Movements) : CommandResult;

public sealed record SettingsView(bool PrivateCelebrations, bool DirectMessages, MemberSetting? Changed) : CommandResult;

public sealed record HelpView(
    IReadOnlyList<string> Values,
    int Allowance,
    AllowancePeriod Period,
    int DefaultPoints,
    int MaxPoints,
    int MaxRecipients,
    int PairDailyCap) : CommandResult;

public sealed record AdminDone(AdminCommand Command, string? Detail = null) : CommandResult;

/// <summary>A workspace's outbox for its admins; <see cref="Retried"/> is how many parked posts were just made due again.</summary>
public sealed record OutboxView(Outbox.OutboxSummary Summary, int? Retried = null) : CommandResult;

public sealed record DigestSubscriptionView(string ConversationId, bool Subscribed, DayOfWeek Day, TimeOnly Time, string TimeZone) : CommandResult;

/// <summary>The latest audit rows, newest first, shown only to the admin who asked.</summary>
public sealed record AuditLogView(IReadOnlyList<Audit.AuditEntry> Entries) : CommandResult
{
    /// <summary>How many newer rows came before these (a page of the dashboard's log); 0 for the latest.</summary>
    public int Skipped { get; init; }

    /// <summary>Whether older rows follow these.</summary>
    public bool More { get; init; }
}

/// <summary>This week's digest, shown only to the person who asked.</summary>
public sealed record DigestPreview(Digests.WeeklyDigest Digest) : CommandResult;
