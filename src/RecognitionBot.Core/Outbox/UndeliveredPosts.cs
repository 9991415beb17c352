using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Outbox;

/// <summary>
/// Who must hear of a post the platform refused for good, so nothing is given up silently. An approval card that
/// cannot reach its approver goes to the workspace approvers (who may always decide), and the requester is told;
/// if nobody else can approve, the requester is told why. A celebration a channel refused is reported to its giver.
/// Other posts (DMs to a deactivated account, card updates) are only parked, for admins to see.
/// </summary>
public sealed class UndeliveredPosts(ILedger ledger, WorkspaceStore workspaces)
{
    public async Task<IReadOnlyList<(PostTarget Target, OutboxPost Post)>> NoticesForAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        switch (item.Post, item.Target)
        {
            case (ApprovalRequestPost approval, ToMember unreachable):
                return await RerouteAsync(item.Workspace, approval, unreachable.Member, cancellationToken);
            case (CelebrationPost celebration, ToConversation channel):
                var giver = await ledger.GetMemberAsync(item.Workspace, celebration.Kudos.Giver, cancellationToken);
                var settings = await workspaces.GetAsync(item.Workspace, cancellationToken);
                return [(new ToMember(giver.Member), new UndeliveredPost(UndeliveredReason.CelebrationNotPosted, channel.ConversationId)
                {
                    Locale = giver.Locale ?? settings.DefaultLocale,
                })];
            default:
                return [];
        }
    }

    private async Task<IReadOnlyList<(PostTarget, OutboxPost)>> RerouteAsync(WorkspaceId workspace, ApprovalRequestPost approval, MemberId unreachable,
        CancellationToken cancellationToken)
    {
        var redemption = await ledger.GetRedemptionAsync(workspace, approval.Redemption.Id, cancellationToken);
        if (redemption is null || redemption.IsDecided) return [];
        var settings = await workspaces.GetAsync(workspace, cancellationToken);
        var requester = await ledger.GetMemberAsync(workspace, redemption.Requester, cancellationToken);
        var locale = requester.Locale ?? settings.DefaultLocale;
        // Workspace approvers not already asked: they may decide any request.
        var instead = settings.Approvers.Where(a => a != unreachable && a != redemption.Requester && !redemption.Approvers.Contains(a)).ToList();
        if (instead.Count > 0)
        {
            var cards = (await ledger.GetMembersAsync(workspace, instead, cancellationToken))
                .Select(a =>
                    ((PostTarget)new ToMember(a.Member), (OutboxPost)(approval with { Redemption = redemption, Locale = a.Locale ?? settings.DefaultLocale })));
            return [.. cards, (new ToMember(redemption.Requester), Notice(UndeliveredReason.ApprovalRerouted))];
        }
        // Someone else was asked too (several approvers): the request can still be decided.
        if (redemption.Approvers.Concat(settings.Approvers).Any(a => a != unreachable && a != redemption.Requester)) return [];
        return [(new ToMember(redemption.Requester), Notice(UndeliveredReason.ApprovalUnreachable))];

        UndeliveredPost Notice(UndeliveredReason reason) =>
            new(reason, RewardName: redemption.RewardName, Unreachable: unreachable) { Locale = locale };
    }
}
