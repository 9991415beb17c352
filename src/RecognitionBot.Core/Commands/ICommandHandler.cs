using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Commands;

/// <summary>A command on its way to its handler, with the workspace's settings the pipeline read once for it.</summary>
public sealed record CommandRequest<TCommand>(CommandContext Context, TCommand Command, WorkspaceSettings Settings)
    where TCommand : KudosCommand
{
    public WorkspaceId Workspace => Context.Workspace;

    public MemberId Actor => Context.Actor;
}

/// <summary>
/// One use case: the handler of one command type. What every command needs (admission, the time budget, storage
/// faults, locale memory, the admin and outsider checks, observation) is done around it by
/// <see cref="CommandPipeline"/>; a handler does only its own work. Register it with
/// <c>CoreServiceCollectionExtensions</c>; say who may run it with <see cref="AdminsOnlyAttribute"/> and
/// <see cref="MembersOnlyAttribute"/> (every <see cref="AdminCommand"/> is admins-only without saying).
/// </summary>
public interface ICommandHandler<TCommand> : ICommandHandler
    where TCommand : KudosCommand
{
    Task<CommandResult> HandleAsync(CommandRequest<TCommand> request, CancellationToken cancellationToken);

    Type ICommandHandler.CommandType => typeof(TCommand);

    Task<CommandResult> ICommandHandler.HandleAsync(CommandContext context, KudosCommand command, WorkspaceSettings settings, CancellationToken cancellationToken) =>
        HandleAsync(new CommandRequest<TCommand>(context, (TCommand)command, settings), cancellationToken);
}

/// <summary>The dispatcher's view of a handler; implement <see cref="ICommandHandler{TCommand}"/> instead.</summary>
public interface ICommandHandler
{
    Type CommandType { get; }

    Task<CommandResult> HandleAsync(CommandContext context, KudosCommand command, WorkspaceSettings settings, CancellationToken cancellationToken);
}

/// <summary>Only workspace admins (the workspace's own or the platform's) may run this; others hear <see cref="Refusal"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AdminsOnlyAttribute(Refusal refusal = Refusal.NotAdmin) : Attribute
{
    public Refusal Refusal { get; } = refusal;
}

/// <summary>
/// Refused to people of another organisation in a shared conversation, before anything is written (not even
/// their locale): they may look, but not give or redeem.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MembersOnlyAttribute : Attribute;

/// <summary>The handler stores the asker's locale with its own write, so the pipeline does not write it separately.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StoresLocaleAttribute : Attribute;
