using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Digests.Subscriptions;

/// <summary><c>/kudos digest off</c> in a channel: no more weekly digest here, audited.</summary>
[AdminsOnly(Refusal.DigestAdminsOnly)]
public sealed class DigestOffHandler(DigestSubscriptions digests, TimeProvider clock) : ICommandHandler<DigestOffCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<DigestOffCommand> request, CancellationToken cancellationToken)
    {
        var (context, _, settings) = request;
        if (context.Conversation.Kind == ConversationKind.Direct) return new Refused(Refusal.NotInChannel);
        await digests.DeleteAsync(context.Workspace, context.Conversation.Id,
            new AuditEntry(clock.GetUtcNow(), context.Actor, AuditAction.DigestOff, context.Conversation.Id, null, null), cancellationToken);
        return new DigestSubscriptionView(context.Conversation.Id, false, settings.DigestDay, settings.DigestTime, settings.TimeZone);
    }
}
