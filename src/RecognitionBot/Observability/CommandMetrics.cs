using RecognitionBot.Core.Commands;

namespace RecognitionBot.Observability;

/// <summary>Turns every answered command into the bot's metrics: latency, kudos and points given, redemptions.</summary>
public sealed class CommandMetrics(RecognitionMetrics metrics) : ICommandObserver
{
    public void Handled(CommandContext context, KudosCommand? command, CommandResult result, TimeSpan elapsed)
    {
        var platform = context.Workspace.Platform.ToString().ToLowerInvariant();
        var name = command is null ? "unparsed" : CommandName(command);
        var outcome = result switch
        {
            NotUnderstood => "not_understood",
            Refused r => r.Reason is Refusal.StorageUnavailable or Refusal.StorageSlow or Refusal.Busy ? "failed" : "refused",
            _ => "ok",
        };
        metrics.CommandHandled(platform, name, outcome, elapsed);
        switch (result)
        {
            case KudosGiven given:
                metrics.KudosGiven(platform, given.Kudos.Recipients.Count, given.Kudos.Points);
                break;
            case RedemptionView view when view.Change != RedemptionChange.Unchanged:
                metrics.Redemption(platform, view.Change.ToString().ToLowerInvariant());
                break;
            case Refused when command is RedeemCommand or DecideRedemptionCommand or CancelRedemptionCommand:
                metrics.Redemption(platform, "refused");
                break;
        }
    }

    private static string CommandName(KudosCommand command)
    {
        var type = command.GetType().Name;
        return (type.EndsWith("Command", StringComparison.Ordinal) ? type[..^"Command".Length] : type).ToLowerInvariant();
    }
}
