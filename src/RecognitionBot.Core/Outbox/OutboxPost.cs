using System.Text.Json.Serialization;
using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Outbox;

/// <summary>Where a post goes: a channel or conversation, a member's DM, or an existing message to update in place.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(ToConversation), "conversation")]
[JsonDerivedType(typeof(ToMember), "member")]
[JsonDerivedType(typeof(ToExistingMessage), "update")]
public abstract record PostTarget;

public sealed record ToConversation(string ConversationId, string? TeamId = null) : PostTarget;

public sealed record ToMember(MemberId Member) : PostTarget;

public sealed record ToExistingMessage(PostedMessage Message) : PostTarget;

/// <summary>
/// Neutral content of a post the platforms must make. Each platform's sender renders it as blocks or a card.
/// Locale is the reader's (recipient's, approver's) where known, else the workspace default.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(CelebrationPost), "celebration")]
[JsonDerivedType(typeof(KudosReceivedPost), "kudosReceived")]
[JsonDerivedType(typeof(AddOnReceivedPost), "addOnReceived")]
[JsonDerivedType(typeof(ApprovalRequestPost), "approvalRequest")]
[JsonDerivedType(typeof(ApprovalUpdatePost), "approvalUpdate")]
[JsonDerivedType(typeof(RedemptionNoticePost), "redemptionNotice")]
[JsonDerivedType(typeof(DigestPost), "digest")]
[JsonDerivedType(typeof(RecognitionGapsPost), "gaps")]
[JsonDerivedType(typeof(UndeliveredPost), "undelivered")]
[JsonDerivedType(typeof(AwardCardPost), "awardCard")]
[JsonDerivedType(typeof(AwardCelebrationPost), "awardCelebration")]
[JsonDerivedType(typeof(AwardWonPost), "awardWon")]
public abstract record OutboxPost
{
    public string Locale { get; init; } = "en";
}

public sealed record CelebrationPost(Kudos.Kudos Kudos, IReadOnlyList<Milestone> Milestones) : OutboxPost;

public sealed record KudosReceivedPost(Kudos.Kudos Kudos, MemberId Recipient, int Available, int Earned) : OutboxPost;

/// <summary>A recipient's note that someone added points to a kudos they received.</summary>
public sealed record AddOnReceivedPost(Kudos.Kudos Kudos, MemberId Recipient, MemberId Adder, int Points, int Available, int Earned) : OutboxPost;

public sealed record ApprovalRequestPost(Redemption Redemption, int RequesterAvailable) : OutboxPost;

public sealed record ApprovalUpdatePost(Redemption Redemption, int RequesterAvailable) : OutboxPost;

public sealed record RedemptionNoticePost(Redemption Redemption, int Available) : OutboxPost;

/// <summary>An award card to an approver (or, to an existing message, the card redrawn as the award now stands).</summary>
public sealed record AwardCardPost(Awards.Award Award) : OutboxPost;

/// <summary>The award's winner celebrated in the workspace's celebration channel.</summary>
public sealed record AwardCelebrationPost(Awards.Award Award) : OutboxPost;

/// <summary>The winner's own note: chosen, by whom, and the reward granted.</summary>
public sealed record AwardWonPost(Awards.Award Award) : OutboxPost;

public sealed record DigestPost(WeeklyDigest Digest, string TimeZone) : OutboxPost;

/// <summary>
/// Private note to a manager or approver: members of a channel with no kudos in the last weeks. At most
/// <see cref="RecognitionGapsPost.MaxListed"/> are named; <see cref="More"/> says how many others there are.
/// </summary>
public sealed record RecognitionGapsPost(string ConversationId, IReadOnlyList<MemberId> Members, int Weeks) : OutboxPost
{
    public const int MaxListed = 100;

    public int More { get; init; }
}

/// <summary>
/// Private note to whoever needs to know that a post could not be made for good, and what to do about it: the giver
/// whose celebration a channel refused, the requester whose approval card reached nobody (or went elsewhere).
/// </summary>
public sealed record UndeliveredPost(UndeliveredReason Reason, string? ConversationId = null, string? RewardName = null, MemberId? Unreachable = null)
    : OutboxPost;

public enum UndeliveredReason
{
    /// <summary>The channel refused the celebration (the bot is not in it, it was archived or deleted).</summary>
    CelebrationNotPosted,

    /// <summary>The approver's card could not be delivered and it went to the workspace approvers instead.</summary>
    ApprovalRerouted,

    /// <summary>The approver's card could not be delivered and nobody else can approve.</summary>
    ApprovalUnreachable,
}

/// <summary>An outbox row: a post still to be made.</summary>
public sealed record OutboxItem(WorkspaceId Workspace, string Key, PostTarget Target, OutboxPost Post, int Attempts)
{
    /// <summary>The row's version when it was listed: a claim based on it fails if anyone changed the row since.</summary>
    internal Azure.ETag ETag { get; init; }

    /// <summary>For a row just written: until when it is its writer's to post (see <see cref="OutboxStore.WriterLease"/>).</summary>
    internal DateTimeOffset? LeasedUntil { get; init; }

    /// <summary>
    /// Who reads the post and how to render it for them (the post's locale, the workspace's fallback and zone): set
    /// by the dispatcher from the workspace's settings just before sending, so senders read no settings themselves.
    /// </summary>
    public Reader? Reader { get; init; }

    /// <summary>The reader, or the post's own locale with the defaults when nobody set one.</summary>
    public Reader ReaderOrDefault => Reader ?? Reader.Default(Post.Locale);
}

/// <summary>What the platform returned for a post: enough to update it later.</summary>
public sealed record PostReceipt(string ConversationId, string MessageId);
