using System.Text.Json;
using RecognitionBot.Core.Caching;
using RecognitionBot.Core.Conversations;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Teams;

/// <summary>Where a Teams conversation lives: enough to post into it later (proactively).</summary>
public sealed record TeamsConversation(
    string ServiceUrl,
    string ConversationId,
    string ConversationType,
    string TenantId,
    string? TeamId = null,
    string? Name = null,
    bool Welcomed = false);

/// <summary>
/// A person the bot has seen: their name for mentions, their Teams id, and their 1:1 chat with the bot once open.
/// <see cref="Role"/> and <see cref="TenantId"/> come from the conversation's roster (null: not read yet); a guest
/// or someone of another tenant is an outsider.
/// </summary>
public sealed record TeamsPerson(
    string AadObjectId,
    string Name,
    string? TeamsId = null,
    string? ServiceUrl = null,
    string? PersonalConversationId = null,
    bool IsBot = false,
    string? Role = null,
    string? TenantId = null)
{
    public const string GuestRole = "guest";

    /// <summary>What the roster said, or "user" when it answered without a role.</summary>
    public static TeamsPerson FromRoster(TeamsChannelAccount member, string aadObjectId, string fallbackName, string? serviceUrl) =>
        new(aadObjectId, member.Name ?? fallbackName, member.Id, serviceUrl, Role: member.UserRole ?? "user", TenantId: member.TenantId);

    public bool IsOutsiderOf(string tenantId) =>
        string.Equals(Role, GuestRole, StringComparison.OrdinalIgnoreCase)
        || (!string.IsNullOrWhiteSpace(TenantId) && !string.Equals(TenantId, tenantId, StringComparison.OrdinalIgnoreCase));
}

/// <summary>How to reach a tenant at all: the last service URL Teams used there, and the bot's own id in it.</summary>
public sealed record TeamsTenant(string ServiceUrl, string BotId);

/// <summary>
/// The Teams adapter's reach-me references, kept as JSON through the core's <see cref="ConversationDirectory"/>:
/// conversations by id, people by AAD object id, and the Teams id (29:…) to AAD id mapping. Each is written only
/// when it changed, so ordinary traffic costs no writes.
/// </summary>
public sealed class TeamsReferences(ConversationDirectory directory)
{
    // Bounded: one entry per person and conversation seen, forgotten after a day unused (storage has them all).
    private readonly BoundedCache<(WorkspaceId, string), string> _known = new(100_000, TimeSpan.FromDays(1));

    // Versions of the conversation records we know, for conditional writes (other records are last-writer-wins).
    private readonly BoundedCache<(WorkspaceId, string), Azure.ETag> _versions = new(20_000, TimeSpan.FromDays(1));

    // Striped gates for read-modify-writes of one conversation's record: bounded, never removed, one held at a time.
    private readonly SemaphoreSlim[] _conversationGates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public Task<TeamsConversation?> FindConversationAsync(WorkspaceId workspace, string conversationId, CancellationToken ct) =>
        ReadAsync<TeamsConversation>(workspace, ConversationKey(conversationId), ct);

    /// <summary>
    /// Reads a conversation's record, lets <paramref name="change"/> decide the new one (null: leave it as it is) and
    /// writes it only if nobody changed it meanwhile, else reads again and asks <paramref name="change"/> again. Teams
    /// sends installationUpdate and conversationUpdate at the same moment, possibly to two instances; without this,
    /// both see "not welcomed yet", or one writes back a stale record. The usual case (nothing changed) costs no storage.
    /// </summary>
    public async Task<TeamsConversation?> UpdateConversationAsync(WorkspaceId workspace, string conversationId,
        Func<TeamsConversation?, TeamsConversation?> change, CancellationToken ct)
    {
        var key = (workspace, ConversationKey(conversationId));
        var gate = _conversationGates[(uint)HashCode.Combine(workspace, conversationId) % (uint)_conversationGates.Length];
        // Timed: one update stuck on slow storage must not queue every later one behind it without end.
        if (!await gate.WaitAsync(TimeSpan.FromSeconds(5), ct))
            throw new TimeoutException($"Waited 5 s to update conversation {conversationId}.");
        try
        {
            for (var attempt = 0; attempt < 10; attempt++)
            {
                string? json;
                Azure.ETag? version;
                if (_known.TryGetValue(key, out var cached) && _versions.TryGetValue(key, out var cachedVersion))
                    (json, version) = (cached, cachedVersion);
                else
                {
                    (json, version) = await directory.FindVersionAsync(workspace, key.Item2, ct);
                    if (json is not null && version is { } v) (_known[key], _versions[key]) = (json, v);
                }
                var existing = json is null ? null : JsonSerializer.Deserialize<TeamsConversation>(json, BotJson.Options);
                var updated = change(existing);
                if (updated is null) return existing;
                var updatedJson = JsonSerializer.Serialize(updated, BotJson.Options);
                if (updatedJson == json) return updated;
                if (await directory.TrySaveAsync(workspace, key.Item2, updatedJson, json is null ? null : version, ct) is { } written)
                {
                    (_known[key], _versions[key]) = (updatedJson, written);
                    return updated;
                }
                // Another instance changed it: forget what we knew and decide again on what is stored now.
                _known.TryRemove(key, out _);
                _versions.TryRemove(key, out _);
            }
            throw new InvalidOperationException($"The record of conversation {conversationId} kept changing under us.");
        }
        finally
        {
            gate.Release();
        }
    }

    public Task ForgetConversationAsync(WorkspaceId workspace, string conversationId, CancellationToken ct)
    {
        _known.TryRemove((workspace, ConversationKey(conversationId)), out _);
        _versions.TryRemove((workspace, ConversationKey(conversationId)), out _);
        return directory.DeleteAsync(workspace, ConversationKey(conversationId), ct);
    }

    public Task<TeamsTenant?> FindTenantAsync(WorkspaceId workspace, CancellationToken ct) => ReadAsync<TeamsTenant>(workspace, TenantKey, ct);

    public Task SaveTenantAsync(WorkspaceId workspace, TeamsTenant tenant, CancellationToken ct) => WriteAsync(workspace, TenantKey, tenant, ct);

    public Task<TeamsPerson?> FindPersonAsync(WorkspaceId workspace, MemberId member, CancellationToken ct) =>
        ReadAsync<TeamsPerson>(workspace, PersonKey(member.Value), ct);

    /// <summary>Merges what we just learnt into what we knew, keeping an open 1:1 chat and a known name.</summary>
    public async Task<TeamsPerson> SavePersonAsync(WorkspaceId workspace, TeamsPerson seen, CancellationToken ct)
    {
        var known = await FindPersonAsync(workspace, new MemberId(seen.AadObjectId), ct);
        var merged = known is null ? seen : known with
        {
            Name = string.IsNullOrWhiteSpace(seen.Name) ? known.Name : seen.Name,
            TeamsId = seen.TeamsId ?? known.TeamsId,
            ServiceUrl = seen.ServiceUrl ?? known.ServiceUrl,
            PersonalConversationId = seen.PersonalConversationId ?? known.PersonalConversationId,
            IsBot = seen.IsBot || known.IsBot,
            Role = seen.Role ?? known.Role,
            TenantId = seen.TenantId ?? known.TenantId,
        };
        await WriteAsync(workspace, PersonKey(seen.AadObjectId), merged, ct);
        if (merged.TeamsId is { } teamsId) await WriteAsync(workspace, TeamsIdKey(teamsId), merged.AadObjectId, ct);
        return merged;
    }

    public Task<string?> FindAadIdAsync(WorkspaceId workspace, string teamsId, CancellationToken ct) =>
        ReadAsync<string>(workspace, TeamsIdKey(teamsId), ct);

    /// <summary>Display names of members, for mentions; unknown people are left out.</summary>
    public async Task<IReadOnlyDictionary<MemberId, TeamsPerson>> FindPeopleAsync(WorkspaceId workspace, IEnumerable<MemberId> members, CancellationToken ct)
    {
        var found = await Task.WhenAll(members.Distinct().Select(async m => (m, await FindPersonAsync(workspace, m, ct))));
        return found.Where(f => f.Item2 is not null).ToDictionary(f => f.m, f => f.Item2!);
    }

    private const string TenantKey = "tenant";
    private static string ConversationKey(string id) => "conv|" + id;
    private static string PersonKey(string aadId) => "person|" + aadId.ToLowerInvariant();
    private static string TeamsIdKey(string teamsId) => "teamsid|" + teamsId;

    private async Task<T?> ReadAsync<T>(WorkspaceId workspace, string key, CancellationToken ct)
    {
        if (_known.TryGetValue((workspace, key), out var cached)) return JsonSerializer.Deserialize<T>(cached, BotJson.Options);
        var json = await directory.FindAsync(workspace, key, ct);
        if (json is null) return default;
        _known[(workspace, key)] = json;
        return JsonSerializer.Deserialize<T>(json, BotJson.Options);
    }

    private async Task WriteAsync<T>(WorkspaceId workspace, string key, T value, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(value, BotJson.Options);
        if (_known.TryGetValue((workspace, key), out var previous) && previous == json) return;
        await directory.SaveAsync(workspace, key, json, ct);
        _known[(workspace, key)] = json;
    }
}
