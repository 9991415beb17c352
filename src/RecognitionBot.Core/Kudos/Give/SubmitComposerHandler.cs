using RecognitionBot.Core.Commands;

namespace RecognitionBot.Core.Kudos.Give;

/// <summary>A composer's submission refused: what to change, per field. Nothing was written.</summary>
public sealed record ComposerRefused(IReadOnlyList<ComposerFieldError> Errors) : CommandResult;

/// <summary>
/// A composer's submission: read into a <see cref="GiveCommand"/> (or field errors) on the workspace's settings, then
/// given by <see cref="GiveHandler"/>, the typed command's own handler, so there is one set of rules. A refusal of the
/// give (allowance, pair cap, a guest) comes back on the field it is about.
/// </summary>
[MembersOnly]
[StoresLocale]
public sealed class SubmitComposerHandler(GiveHandler give) : ICommandHandler<SubmitComposerCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<SubmitComposerCommand> request, CancellationToken cancellationToken)
    {
        var outcome = ComposerSubmission.Read(request.Command.Input, request.Actor, request.Settings);
        if (outcome.Command is not { } command) return new ComposerRefused(outcome.Errors);
        var result = await give.HandleAsync(
            new CommandRequest<GiveCommand>(request.Context, command with { Link = request.Command.Link }, request.Settings), cancellationToken);
        return ComposerSubmission.ErrorsFor(result) is { Count: > 0 } errors ? new ComposerRefused(errors) : result;
    }
}
