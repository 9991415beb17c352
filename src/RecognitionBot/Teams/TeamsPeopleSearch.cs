using System.Text.Json;
using System.Text.Json.Serialization;
using RecognitionBot.Core.Caching;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Teams;

/// <summary>The value of an <c>application/search</c> invoke: what the giver typed into a typeahead, and which dataset it is.</summary>
public sealed record SearchInvoke(string? QueryText, string? Dataset, SearchOptions? QueryOptions)
{
    public static SearchInvoke From(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v ? v.Deserialize<SearchInvoke>(BotJson.Options) ?? new(null, null, null) : new(null, null, null);
}

public sealed record SearchOptions(int? Skip, int? Top);

/// <summary>The answer to <c>application/search</c> (msteams-docs "Typeahead search in Adaptive Cards").</summary>
public sealed record SearchResponse(SearchResults Value)
{
    public const string ContentType = "application/vnd.microsoft.search.searchResponse";

    [JsonPropertyOrder(-1)]
    public string Type => ContentType;

    public static InvokeResponse Of(IEnumerable<SearchResult> results) =>
        new(StatusCodes.Status200OK, new SearchResponse(new SearchResults([.. results])));
}

public sealed record SearchResults(IReadOnlyList<SearchResult> Results);

public sealed record SearchResult(string Title, string Value);

/// <summary>
/// People to offer in the composer's picker as the giver types: the members of the conversation it was opened in (a
/// channel's team, a group chat), read from the connector and kept for a minute (Teams asks on every keystroke); in
/// the 1:1 chat, whose roster is only the giver, the tenant's directory through Graph. Never the giver, a bot, a guest
/// or someone of another tenant: they cannot receive kudos here, so they are not offered.
/// </summary>
public sealed class TeamsPeopleSearch(BotConnectorClient connector, GraphDirectory graph, TimeProvider time, ILogger<TeamsPeopleSearch> logger)
{
    /// <summary>Teams shows at most 15 options in a typeahead.</summary>
    public const int MaxResults = 15;

    private static readonly TimeSpan RosterFor = TimeSpan.FromMinutes(1);
    private readonly BoundedCache<(WorkspaceId, string), (IReadOnlyList<TeamsChannelAccount> Members, DateTimeOffset Until)> _rosters =
        new(2_000, TimeSpan.FromMinutes(5));

    public async Task<IReadOnlyList<SearchResult>> SearchAsync(WorkspaceId workspace, Activity activity, string typed, int top, CancellationToken ct)
    {
        var giver = activity.From?.AadObjectId;
        var count = Math.Clamp(top, 1, MaxResults);
        if (activity.Conversation!.ConversationType == ConversationTypes.Personal)
        {
            try
            {
                var found = await graph.SearchPeopleAsync(workspace.Id, typed, count + 1, ct);
                return [.. found.Where(p => !string.Equals(p.AadObjectId, giver, StringComparison.OrdinalIgnoreCase)).Take(count)
                    .Select(p => new SearchResult(p.DisplayName, p.AadObjectId))];
            }
            catch (Exception e) when (e is GraphUnavailableException or HttpRequestException or Microsoft.Kiota.Abstractions.ApiException)
            {
                logger.LogInformation("No directory search in {Workspace}: {Reason}", workspace, e.Message);
                return [];
            }
        }

        var roster = await RosterAsync(workspace, activity, ct);
        return [.. roster
            .Where(m => m.AadId is { } id && !string.Equals(id, giver, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(m.UserRole, TeamsPerson.GuestRole, StringComparison.OrdinalIgnoreCase)
                && (string.IsNullOrEmpty(m.TenantId) || string.Equals(m.TenantId, workspace.Id, StringComparison.OrdinalIgnoreCase))
                && Matches(m, typed))
            .OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)
            .Take(count)
            .Select(m => new SearchResult(m.Name ?? m.AadId!, m.AadId!))];
    }

    // Every typed word starts a word of the name, or the whole text starts the address.
    private static bool Matches(TeamsChannelAccount m, string typed)
    {
        var words = typed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return true;
        var name = (m.Name ?? "").Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries);
        return words.All(w => name.Any(n => n.StartsWith(w, StringComparison.CurrentCultureIgnoreCase)))
            || (m.Email ?? m.UserPrincipalName ?? "").StartsWith(typed.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<IReadOnlyList<TeamsChannelAccount>> RosterAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        // A channel's members are its team's; a group chat has its own roster.
        var conversation = activity.ChannelData?.Team?.Id ?? RootId(activity.Conversation!.Id!);
        var key = (workspace, conversation);
        if (_rosters.TryGetValue(key, out var cached) && cached.Until > time.GetUtcNow()) return cached.Members;
        try
        {
            var members = new List<TeamsChannelAccount>();
            await foreach (var m in connector.GetAllMembersAsync(activity.ServiceUrl!, conversation, ct: ct)) members.Add(m);
            _rosters[key] = (members, time.GetUtcNow() + RosterFor);
            return members;
        }
        catch (Exception e) when (e is BotConnectorException or HttpRequestException)
        {
            logger.LogWarning(e, "No roster to search for {Conversation} in {Workspace}", conversation, workspace);
            return [];
        }
    }

    private static string RootId(string id)
    {
        var cut = id.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? id : id[..cut];
    }
}
