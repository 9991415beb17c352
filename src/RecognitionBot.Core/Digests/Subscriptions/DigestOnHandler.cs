using System.Globalization;
using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Digests.Subscriptions;

/// <summary><c>/kudos digest on [day time zone]</c> in a channel: this channel gets the weekly digest, audited.</summary>
[AdminsOnly(Refusal.DigestAdminsOnly)]
public sealed class DigestOnHandler(DigestSubscriptions digests, TimeProvider clock) : ICommandHandler<DigestOnCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<DigestOnCommand> request, CancellationToken cancellationToken)
    {
        var (context, on, settings) = request;
        if (context.Conversation.Kind == ConversationKind.Direct) return new Refused(Refusal.NotInChannel);
        var subscription = new DigestSubscription(context.Workspace, context.Conversation,
            on.Day ?? settings.DigestDay, on.Time ?? settings.DigestTime, on.TimeZone ?? settings.TimeZone);
        var schedule = $"{subscription.Day} {subscription.Time.ToString("HH:mm", CultureInfo.InvariantCulture)} {subscription.TimeZone}";
        await digests.SaveAsync(subscription, new AuditEntry(clock.GetUtcNow(), context.Actor, AuditAction.DigestOn, context.Conversation.Id, null, schedule), cancellationToken);
        return new DigestSubscriptionView(context.Conversation.Id, true, subscription.Day, subscription.Time, subscription.TimeZone);
    }
}
