using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Outbox;

/// <summary>
/// What a post leaves behind once a platform has made it: an approval card's place (and language) is recorded on its
/// redemption (an award card's on its award), so the decision can redraw that card in place; a celebration's and a recipient's DM's place on their
/// kudos, so an add-on or an undo can redraw them. Other posts (and redraws) leave nothing. The dispatcher calls this for
/// every post made, so it needs to know no post type itself.
/// </summary>
public sealed class PostedPosts(ILedger ledger, Awards.IAwardLedger awards)
{
    public Task RecordAsync(OutboxItem item, PostReceipt receipt, CancellationToken cancellationToken) => (item.Post, item.Target) switch
    {
        (ApprovalRequestPost approval, _) => ledger.RecordApprovalMessageAsync(item.Workspace, approval.Redemption.Id,
            new Rewards.PostedMessage(receipt.ConversationId, receipt.MessageId), approval.Locale, cancellationToken),
        (_, ToExistingMessage) => Task.CompletedTask,
        (AwardCardPost card, _) => awards.RecordAwardMessageAsync(item.Workspace, card.Award.Period,
            new Rewards.PostedMessage(receipt.ConversationId, receipt.MessageId), card.Locale, cancellationToken),
        (CelebrationPost celebration, _) => ledger.RecordKudosPostAsync(item.Workspace, celebration.Kudos, null,
            new Rewards.PostedMessage(receipt.ConversationId, receipt.MessageId, celebration.Locale), celebration.Milestones, cancellationToken),
        (KudosReceivedPost received, _) => ledger.RecordKudosPostAsync(item.Workspace, received.Kudos, received.Recipient,
            new Rewards.PostedMessage(receipt.ConversationId, receipt.MessageId, received.Locale), [], cancellationToken),
        _ => Task.CompletedTask,
    };
}
