using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;

namespace RecognitionBot.Core.Admin;

/// <summary>
/// <c>admin language en|it|sv</c>: the workspace's default language, in which channel posts and digests are written
/// and everyone is answered whose own language the platform does not give (or the bot does not speak).
/// </summary>
public sealed class SetLanguageHandler(Workspaces.WorkspaceStore workspaces) : ICommandHandler<SetLanguageCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<SetLanguageCommand> request, CancellationToken cancellationToken)
    {
        // The chat parser reads the language's code or name; the dashboard's form reaches here without it.
        if (CommandWords.Language(request.Command.Language.Trim()) is not { } language)
            return new NotUnderstood(ParseError.BadLanguage, request.Command.Language);
        await workspaces.ChangeAsync(request.Workspace, request.Actor, AuditAction.Language, null, s => s with { DefaultLocale = language },
            s => s.DefaultLocale, cancellationToken);
        return new AdminDone(request.Command with { Language = language });
    }
}
