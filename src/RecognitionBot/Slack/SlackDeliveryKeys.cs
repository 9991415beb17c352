using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Slack;

/// <summary>
/// Slack's deliveries as the core's <see cref="DeliveryKey"/>: what makes a retried request or a repeated click the
/// same delivery (the ledger then returns its first answer). Every key Slack requests are known by is made here.
/// </summary>
public static class SlackDeliveryKeys
{
    /// <summary>
    /// A slash command: Slack gives each invocation its own trigger id, and a retry carries the same one. The asker is
    /// part of the key, so a first answer is only ever replayed to the person it was made for.
    /// </summary>
    public static DeliveryKey Command(MemberId asker, string triggerId) => DeliveryKey.Slack("cmd", asker.Value, triggerId);

    /// <summary>One redemption per reward per catalog message and person, however often the button is clicked.</summary>
    public static DeliveryKey Redeem(MemberId member, string? messageTs, string rewardId) => DeliveryKey.Slack("redeem", member.Value, messageTs, rewardId);

    public static DeliveryKey Cancel(string redemptionId) => DeliveryKey.Slack("cancel", redemptionId);

    public static DeliveryKey Approve(string redemptionId, MemberId member) => DeliveryKey.Slack("decide", redemptionId, member.Value, "approve");

    /// <summary>A modal's submission: Slack's view id, unique per opened modal.</summary>
    public static DeliveryKey View(string viewId) => DeliveryKey.Slack("view", viewId);
}
