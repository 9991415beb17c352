using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Kudos.Give;

/// <summary>
/// A kudos: the stateless rules, then the recipients as the platform knows them, then one ledger transaction
/// (allowance, pair cap, milestones, celebration and DMs). Celebrated where it was given, or, from a DM with the
/// bot, in the workspace's celebration channel if there is one. The giver's locale rides along with their row.
/// </summary>
[MembersOnly]
[StoresLocale]
public sealed class GiveHandler(ILedger ledger, Membership membership) : ICommandHandler<GiveCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<GiveCommand> request, CancellationToken cancellationToken)
    {
        var (context, give, settings) = request;
        if (KudosRules.Check(give, context.Actor, settings) is { } refused) return refused;
        if (await membership.CheckMembersAsync(context.Workspace, give.Recipients, cancellationToken) is { } notMembers) return notMembers;

        PostTarget? celebration = context.Conversation.Kind == ConversationKind.Direct
            ? settings.CelebrationChannel is { } channel ? new ToConversation(channel) : null
            : new ToConversation(context.Conversation.Id, context.Conversation.TeamId);
        return await ledger.GiveAsync(new GiveRequest(
            context.Workspace, context.Actor, give.Recipients, KudosRules.PointsOf(give, settings), give.Message.Trim(),
            KudosRules.ValuesOf(give, settings), context.Conversation, give.Private, celebration, context.DeliveryKey?.Value, settings)
        {
            GiverLocale = context.Locale,
            Link = give.Link,
        }, cancellationToken);
    }
}
