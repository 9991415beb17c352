using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Outbox;

/// <summary>
/// What a post leaves behind once a platform has made it: an approval card's place (and language) is recorded on its
/// redemption, so the decision can redraw that card in place. Other posts leave nothing. The dispatcher calls this for
/// every post made, so it needs to know no post type itself.
/// </summary>
public sealed class PostedPosts(ILedger ledger)
{
    public Task RecordAsync(OutboxItem item, PostReceipt receipt, CancellationToken cancellationToken) => item.Post switch
    {
        ApprovalRequestPost approval => ledger.RecordApprovalMessageAsync(item.Workspace, approval.Redemption.Id,
            new Rewards.PostedMessage(receipt.ConversationId, receipt.MessageId), approval.Locale, cancellationToken),
        _ => Task.CompletedTask,
    };
}
