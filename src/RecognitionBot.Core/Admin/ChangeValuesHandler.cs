using RecognitionBot.Core.Admin.Settings;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin;

/// <summary><c>admin values add|remove #value</c>: the hashtags kudos may carry.</summary>
public sealed class ChangeValuesHandler(WorkspaceStore workspaces, TimeProvider clock) : ICommandHandler<ChangeValuesCommand>
{
    public Task<CommandResult> HandleAsync(CommandRequest<ChangeValuesCommand> request, CancellationToken cancellationToken) =>
        workspaces.DecideAsync(request.Workspace, s => ValuesDecider.Decide(s, request.Command, request.Actor, clock.GetUtcNow()), cancellationToken);
}
