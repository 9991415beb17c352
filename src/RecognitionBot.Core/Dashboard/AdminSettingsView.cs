using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Dashboard;

/// <summary>
/// The settings as they stand, and the people the ledger knows who have not left (at most <see cref="MaxPeople"/>,
/// managers and the most recognised first), for the page's choosers.
/// </summary>
public sealed record AdminSettingsView(WorkspaceSettings Settings, IReadOnlyList<SettingsPerson> People) : CommandResult
{
    public const int MaxPeople = 500;
}

/// <summary>Someone an admin may name as approver, admin or manager.</summary>
public sealed record SettingsPerson(MemberId Member, bool IsManager);

/// <summary>Reads the settings page: the settings the pipeline read for the command, and one range read of the member rows.</summary>
public sealed class AdminSettingsHandler(TableLedger ledger) : ICommandHandler<AdminSettingsCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<AdminSettingsCommand> request, CancellationToken cancellationToken)
    {
        var people = new List<MemberState>();
        await foreach (var p in ledger.QueryMembersAsync(request.Workspace, cancellationToken))
            if (!p.HasLeft) people.Add(p);
        return new AdminSettingsView(request.Settings, people
            .OrderByDescending(p => p.IsManager).ThenByDescending(p => p.KudosReceived).ThenBy(p => p.Member.Value, StringComparer.Ordinal)
            .Take(AdminSettingsView.MaxPeople).Select(p => new SettingsPerson(p.Member, p.IsManager)).ToList());
    }
}
