using RecognitionBot.Core.Admin.People;
using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

/// <summary>A kudos that passed the stateless rules, ready for the ledger's allowance and cap checks.</summary>
public sealed record GiveRequest(
    WorkspaceId Workspace,
    MemberId Giver,
    IReadOnlyList<MemberId> Recipients,
    int Points,
    string Message,
    IReadOnlyList<string> Values,
    ConversationRef Conversation,
    bool Private,
    PostTarget? CelebrationTarget,
    string? DeliveryKey,
    WorkspaceSettings Settings)
{
    /// <summary>The giver's platform locale, remembered on their row by the same transaction.</summary>
    public string? GiverLocale { get; init; }

    /// <summary>What the kudos is for (a message's permalink), shown in the celebration.</summary>
    public string? Link { get; init; }
}

/// <summary>A redemption, with the requester's approvers resolved before the transaction (used if the reward needs approval).</summary>
public sealed record RedeemRequest(
    WorkspaceId Workspace,
    MemberId Requester,
    string Reward,
    string? DeliveryKey,
    WorkspaceSettings Settings,
    IReadOnlyList<MemberId> Approvers);

public sealed record DecideRequest(
    WorkspaceId Workspace,
    MemberId Decider,
    string RedemptionId,
    bool Approve,
    string? Reason,
    string? DeliveryKey,
    WorkspaceSettings Settings);

/// <summary>A member's own preferences and roles, as the ledger keeps them.</summary>
public sealed record MemberState(
    MemberId Member,
    MemberBalance Balance,
    bool IsManager,
    MemberId? Manager,
    bool PrivateCelebrations,
    bool DirectMessagesOff,
    string? Locale,
    int KudosReceived,
    DateTimeOffset? LastKudosAt,
    MemberId? ManagerSetBy = null,
    DateTimeOffset? LeftAt = null)
{
    public bool HasLeft => LeftAt is not null;

    /// <summary>
    /// The admin-set manager, unless they set it themselves: then the member's redemptions go to the other workspace
    /// approvers and the self-mapped manager may not decide them.
    /// </summary>
    public bool IsSelfMappedManager(MemberId candidate) => Manager == candidate && ManagerSetBy == candidate;
}

/// <summary>The ledger of one workspace partition: every change is one atomic transaction.</summary>
public interface ILedger
{
    Task<CommandResult> GiveAsync(GiveRequest request, CancellationToken cancellationToken);

    /// <summary>A kudos by the reference its buttons carry (<see cref="Kudos.KudosRef"/>); null if there is none.</summary>
    Task<Kudos.Kudos?> GetKudosAsync(WorkspaceId workspace, string kudosRef, CancellationToken cancellationToken);

    Task<CommandResult> AddOnAsync(Kudos.AddOn.AddOnRequest request, CancellationToken cancellationToken);

    Task<CommandResult> UndoAsync(Kudos.Undo.UndoRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Remembers where a kudos' celebration (with its milestone lines) or a recipient's DM was posted, so an add-on or an
    /// undo can redraw it. A post made for a kudos undone meanwhile is marked withdrawn at once, by the same transaction.
    /// </summary>
    Task RecordKudosPostAsync(
        WorkspaceId workspace, Kudos.Kudos kudos, MemberId? recipient, PostedMessage message, IReadOnlyList<Kudos.Milestone> milestones,
        CancellationToken cancellationToken);

    Task<CommandResult> RedeemAsync(RedeemRequest request, CancellationToken cancellationToken);

    Task<CommandResult> DecideAsync(DecideRequest request, CancellationToken cancellationToken);

    Task<CommandResult> CancelAsync(
        WorkspaceId workspace, MemberId requester, string redemptionId, string? deliveryKey, WorkspaceSettings settings, CancellationToken cancellationToken);

    Task<BalanceView> GetBalanceAsync(WorkspaceId workspace, MemberId member, WorkspaceSettings settings, CancellationToken cancellationToken);

    Task<HistoryView> GetHistoryAsync(WorkspaceId workspace, MemberId member, int count, CancellationToken cancellationToken);

    Task<LeaderboardView> GetLeaderboardAsync(WorkspaceId workspace, LeaderboardPeriod period, WorkspaceSettings settings, CancellationToken cancellationToken);

    Task<MemberState> GetMemberAsync(WorkspaceId workspace, MemberId member, CancellationToken cancellationToken);

    Task<IReadOnlyList<MemberState>> GetMembersAsync(WorkspaceId workspace, IReadOnlyCollection<MemberId> members, CancellationToken cancellationToken);

    Task<MemberState> UpdateMemberAsync(WorkspaceId workspace, MemberId member, MemberChange change, CancellationToken cancellationToken);

    /// <summary>An admin's change to a member's role or manager, with its audit row (made from the row before) in the same transaction.</summary>
    Task<MemberState> UpdateMemberAsync(
        WorkspaceId workspace, MemberId member, MemberChange change, Func<MemberState, AuditEntry>? audit, CancellationToken cancellationToken);

    /// <summary>
    /// An admin's change to one member's row decided by <paramref name="decide"/> on the row as stored: refused, or
    /// the row and its audit row as one transaction (decided again after a concurrent change).
    /// </summary>
    Task<CommandResult> ChangeMemberAsync(
        WorkspaceId workspace, MemberId member, Func<MemberRow, Decided<MemberChangeDecision>> decide, CancellationToken cancellationToken);

    /// <summary>Marks a person as a leaver (or, with <paramref name="left"/> false, back): their row and an audit line, one transaction.</summary>
    Task<CommandResult> MarkLeftAsync(WorkspaceId workspace, MemberId member, bool left, string? deliveryKey, CancellationToken cancellationToken);

    /// <summary>Every redemption still waiting for a decision.</summary>
    Task<IReadOnlyList<Redemption>> GetPendingRedemptionsAsync(WorkspaceId workspace, CancellationToken cancellationToken);

    /// <summary>Cancels a leaver's pending redemption (hold and stock back, cards redrawn), one transaction; a decided one stays.</summary>
    Task<CommandResult> CancelForLeaverAsync(
        WorkspaceId workspace, MemberId leaver, string redemptionId, WorkspaceSettings settings, CancellationToken cancellationToken);

    /// <summary>Sends a redemption waiting on a leaver to the workspace approvers, one transaction; a decided one stays.</summary>
    Task<CommandResult> RerouteAsync(
        WorkspaceId workspace, MemberId leaver, string redemptionId, WorkspaceSettings settings, CancellationToken cancellationToken);

    Task<IReadOnlyList<Reward>> GetRewardsAsync(WorkspaceId workspace, CancellationToken cancellationToken);

    Task<Redemption?> GetRedemptionAsync(WorkspaceId workspace, string redemptionId, CancellationToken cancellationToken);

    /// <summary>The requests still waiting that <paramref name="approver"/> may decide, oldest first.</summary>
    Task<IReadOnlyList<Redemption>> GetPendingRedemptionsAsync(WorkspaceId workspace, MemberId approver, CancellationToken cancellationToken);

    Task<CommandResult> AddRewardAsync(WorkspaceId workspace, MemberId admin, AddRewardCommand command, CancellationToken cancellationToken);

    Task<CommandResult> RemoveRewardAsync(WorkspaceId workspace, MemberId admin, RemoveRewardCommand command, CancellationToken cancellationToken);

    /// <summary>An admin's edit of a live reward (name, cost, approval, monthly limit), with its audit row, one transaction.</summary>
    Task<CommandResult> EditRewardAsync(WorkspaceId workspace, MemberId admin, EditRewardCommand command, CancellationToken cancellationToken);

    /// <summary>Adds to a live reward's stock, with its audit row, one transaction (again after a concurrent redemption).</summary>
    Task<CommandResult> RestockRewardAsync(WorkspaceId workspace, MemberId admin, RestockRewardCommand command, CancellationToken cancellationToken);

    /// <summary>Remembers where an approval card was posted, so the decision can update it in place.</summary>
    /// <remarks><paramref name="locale"/> is the card's: a card brought up to date at once is rendered in it.</remarks>
    Task RecordApprovalMessageAsync(WorkspaceId workspace, string redemptionId, PostedMessage message, string locale, CancellationToken cancellationToken);
}

/// <summary>A change to a member's own row: settings, role, manager mapping, locale. Nulls leave a field alone.</summary>
public sealed record MemberChange(
    bool? PrivateCelebrations = null,
    bool? DirectMessagesOff = null,
    bool? IsManager = null,
    MemberId? Manager = null,
    string? Locale = null,
    MemberId? ManagerSetBy = null)
{
    public MemberRow ApplyTo(MemberRow row) => row with
    {
        PrivateCelebrations = PrivateCelebrations ?? row.PrivateCelebrations,
        DirectMessagesOff = DirectMessagesOff ?? row.DirectMessagesOff,
        IsManager = IsManager ?? row.IsManager,
        Manager = Manager ?? row.Manager,
        ManagerSetBy = Manager is null ? row.ManagerSetBy : ManagerSetBy,
        Locale = Locale ?? row.Locale,
    };
}

/// <summary>
/// A change gave up waiting for its turn on the same people (other requests held them past <c>Storage:LockWait</c>
/// or the command's budget): nothing of it was written, so the person can be told so for certain. A
/// <see cref="TimeoutException"/>, so every caller that treats a timeout as a storage fault still does.
/// </summary>
public sealed class LedgerBusyException(string message) : TimeoutException(message);
