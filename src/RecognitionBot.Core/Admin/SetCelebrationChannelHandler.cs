using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin celebrations here|off</c>: where kudos given in a DM to the bot are celebrated.</summary>
public sealed class SetCelebrationChannelHandler(WorkspaceStore workspaces) : ICommandHandler<SetCelebrationChannelCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<SetCelebrationChannelCommand> request, CancellationToken cancellationToken)
    {
        var (context, channel, _) = request;
        if (channel.Here && context.Conversation.Kind == ConversationKind.Direct) return new Refused(Refusal.NotInChannel);
        await workspaces.ChangeAsync(context.Workspace, context.Actor, AuditAction.CelebrationChannel, null,
            s => s with { CelebrationChannel = channel.Here ? context.Conversation.Id : null }, s => s.CelebrationChannel, cancellationToken);
        return new AdminDone(channel);
    }
}
