using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin celebrations here|off</c>: where kudos given in a DM to the bot are celebrated.</summary>
public sealed class SetCelebrationChannelHandler(WorkspaceStore workspaces) : ICommandHandler<SetCelebrationChannelCommand>
{
    /// <summary>Slack's channel ids are about 11 characters and Teams' conversation ids under 100.</summary>
    private const int MaxChannelId = 200;

    public async Task<CommandResult> HandleAsync(CommandRequest<SetCelebrationChannelCommand> request, CancellationToken cancellationToken)
    {
        var (context, channel, _) = request;
        // The dashboard names the channel; in chat it is the conversation the command was typed in.
        var named = channel.Channel?.Trim();
        if (named is not null && (named.Length is 0 or > MaxChannelId || named.Any(char.IsControl)))
            return new NotUnderstood(ParseError.BadChannel, channel.Channel);
        if (channel.Here && named is null && context.Conversation.Kind == ConversationKind.Direct) return new Refused(Refusal.NotInChannel);
        var target = channel.Here ? named ?? context.Conversation.Id : null;
        await workspaces.ChangeAsync(context.Workspace, context.Actor, AuditAction.CelebrationChannel, null,
            s => s with { CelebrationChannel = target }, s => s.CelebrationChannel, cancellationToken);
        return new AdminDone(channel);
    }
}
