using System.Collections.Concurrent;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Web;

/// <summary>
/// People's display names from the platform's directory (which caches), for the views a page shows: at most 8 asked at
/// once (a page of the audit log can name many people; the platforms rate-limit lookups). A name the directory cannot
/// give now is left out, and the page writes "someone".
/// </summary>
public sealed class DashboardNames(IEnumerable<IMemberDirectory> directories, ILogger<DashboardNames> log)
{
    private readonly IMemberDirectory[] _directories = [.. directories];

    public async Task<IReadOnlyDictionary<MemberId, string>> ForAsync(WorkspaceId workspace, IEnumerable<MemberId> people, CancellationToken ct)
    {
        var found = new ConcurrentDictionary<MemberId, string>();
        if (Array.Find(_directories, d => d.Platform == workspace.Platform) is not { } directory) return found;
        await Parallel.ForEachAsync(people.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (member, c) =>
        {
            try
            {
                if (await directory.FindAsync(workspace, member, c) is { DisplayName: { Length: > 0 } name }) found[member] = name;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "No name for {Member} in {Workspace}", member, workspace);
            }
        });
        return found;
    }
}
