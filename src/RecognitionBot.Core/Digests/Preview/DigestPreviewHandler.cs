using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Digests.Preview;

/// <summary>This week's digest as this conversation would get it: in a DM, where no digest is posted, there is none to preview.</summary>
public sealed class DigestPreviewHandler(DigestBuilder builder, TimeProvider clock) : ICommandHandler<DigestPreviewCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<DigestPreviewCommand> request, CancellationToken cancellationToken) =>
        request.Context.Conversation.Kind == ConversationKind.Direct
            ? new Refused(Refusal.NotInChannel)
            : new DigestPreview(await builder.BuildWeekUntilAsync(request.Workspace, request.Context.Conversation, clock.GetUtcNow(), request.Settings.Zone, cancellationToken));
}
