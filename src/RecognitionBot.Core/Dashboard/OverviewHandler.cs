using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Dashboard;

/// <summary>The admins' overview: one range read of the weeks shown (time-ordered keys) and one of the member rows.</summary>
public sealed class OverviewHandler(TableLedger ledger, TimeProvider clock) : ICommandHandler<OverviewCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<OverviewCommand> request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var zone = request.Settings.Zone;
        var (from, to) = OverviewBuilder.Range(now, zone);
        var kudos = new List<Kudos.Kudos>();
        await foreach (var k in ledger.QueryKudosAsync(request.Workspace, from, to, cancellationToken)) kudos.Add(k);
        var people = new List<MemberState>();
        await foreach (var p in ledger.QueryMembersAsync(request.Workspace, cancellationToken)) people.Add(p);
        return OverviewBuilder.Build(kudos, people, request.Settings.Values, now, zone);
    }
}
