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

    /// <summary>One add-on per person per kudos: a double click (or +1 then +5) is the same delivery.</summary>
    public static DeliveryKey AddOn(string kudos, MemberId member) => DeliveryKey.Slack("addon", kudos, member.Value);

    public static DeliveryKey Undo(string kudos, MemberId member) => DeliveryKey.Slack("undo", kudos, member.Value);

    /// <summary>One choice per approver per award: a double click (or a second option after the first) is the same delivery.</summary>
    public static DeliveryKey Award(string period, MemberId member) => DeliveryKey.Slack("award", period, member.Value);

    /// <summary>A modal's submission: Slack's view id, unique per opened modal.</summary>
    public static DeliveryKey View(string viewId) => DeliveryKey.Slack("view", viewId);
}
