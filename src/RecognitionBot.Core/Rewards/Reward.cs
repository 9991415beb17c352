namespace RecognitionBot.Core.Rewards;

/// <summary>A catalog entry. Stock null means unlimited; Reserved counts pending redemptions holding one.</summary>
public sealed record Reward(string Id, string Name, int Cost, int? Stock, int Reserved, bool NeedsApproval, int? MonthlyLimit)
{
    public int? Left => Stock is { } stock ? Math.Max(0, stock - Reserved) : null;
}

public enum RedemptionState
{
    Pending,
    Approved,
    Rejected,
    Cancelled,
    Completed,
}

/// <summary>Where an approval card was posted (and in which language), so a decision can update it in place.</summary>
public sealed record PostedMessage(string ConversationId, string MessageId, string? Locale = null)
{
    public bool IsSameMessage(PostedMessage other) => ConversationId == other.ConversationId && MessageId == other.MessageId;
}

/// <summary>A request to spend points on a reward, and its decision.</summary>
public sealed record Redemption(
    string Id,
    Core.Workspaces.MemberId Requester,
    string RewardId,
    string RewardName,
    int Cost,
    RedemptionState State,
    IReadOnlyList<Core.Workspaces.MemberId> Approvers,
    DateTimeOffset RequestedAt,
    Core.Workspaces.MemberId? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? Reason = null,
    IReadOnlyList<PostedMessage>? ApprovalMessages = null)
{
    public bool IsDecided => State != RedemptionState.Pending;
}
