using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Web;

/// <summary>People's display names from the platform's directory (which caches), for the views a page shows.</summary>
public sealed class DashboardNames(IEnumerable<IMemberDirectory> directories)
{
    private readonly IMemberDirectory[] _directories = [.. directories];

    public async Task<IReadOnlyDictionary<MemberId, string>> ForAsync(WorkspaceId workspace, IEnumerable<MemberId> people, CancellationToken ct)
    {
        var directory = Array.Find(_directories, d => d.Platform == workspace.Platform);
        if (directory is null) return new Dictionary<MemberId, string>();
        var found = await Task.WhenAll(people.Distinct().Select(async m => (m, await FindAsync(directory, workspace, m, ct))));
        return found.Where(f => f.Item2 is { Length: > 0 }).ToDictionary(f => f.m, f => f.Item2!);
    }

    private static async Task<string?> FindAsync(IMemberDirectory directory, WorkspaceId workspace, MemberId member, CancellationToken ct)
    {
        try
        {
            return (await directory.FindAsync(workspace, member, ct))?.DisplayName;
        }
        catch (Exception e) when (e is HttpRequestException or Slack.SlackApiException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // A name the platform cannot give now is written as "someone": the page still shows.
            return null;
        }
    }
}
