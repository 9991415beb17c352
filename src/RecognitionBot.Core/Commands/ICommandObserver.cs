namespace RecognitionBot.Core.Commands;

/// <summary>Told of every command the core answered, with how long it took: the host turns this into metrics.</summary>
public interface ICommandObserver
{
    void Handled(CommandContext context, KudosCommand? command, CommandResult result, TimeSpan elapsed);
}
