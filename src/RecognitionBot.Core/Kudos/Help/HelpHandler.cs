using RecognitionBot.Core.Commands;

namespace RecognitionBot.Core.Kudos.Help;

/// <summary><c>/kudos help</c>: the grammar, with this workspace's own numbers and values.</summary>
public sealed class HelpHandler : ICommandHandler<HelpCommand>
{
    public Task<CommandResult> HandleAsync(CommandRequest<HelpCommand> request, CancellationToken cancellationToken)
    {
        var s = request.Settings;
        return Task.FromResult<CommandResult>(new HelpView(s.Values, s.Allowance, s.AllowancePeriod, s.DefaultPoints, s.MaxPoints, s.MaxRecipients, s.PairDailyCap));
    }
}
