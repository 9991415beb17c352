using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.CheckMemberGroups;
using Microsoft.Identity.Client;

namespace RecognitionBot.Teams;

/// <summary>
/// Who administers the app in Teams, which gives a bot no tenant-admin flag: the Entra object ids in
/// <see cref="TeamsOptions.Admins"/>, and the members of the Entra group <see cref="TeamsOptions.AdminGroupId"/>
/// (Graph <c>checkMemberGroups</c>, transitive, in the member's tenant). Nobody becomes an admin by installing the app.
/// Graph's answers are kept in a bounded cache for <see cref="TeamsOptions.AdminCacheDuration"/>; a failed check
/// is "not an admin" and is not cached, so it is asked again next time.
/// </summary>
public sealed class TeamsAdmins : IDisposable
{
    private readonly IOptions<TeamsOptions> _options;
    private readonly GraphClients _graph;
    private readonly ILogger<TeamsAdmins> _logger;
    private readonly MemoryCache _cache;

    public TeamsAdmins(IOptions<TeamsOptions> options, GraphClients graph, ILogger<TeamsAdmins> logger)
    {
        _options = options;
        _graph = graph;
        _logger = logger;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.AdminCacheSize });
    }

    public async Task<bool> IsAdminAsync(string tenantId, string aadObjectId, CancellationToken ct)
    {
        var settings = _options.Value;
        if (settings.IsConfiguredAdmin(aadObjectId)) return true;
        // Graph needs app credentials and GUIDs (both become part of a URL); a 29: id or a bot is never in a group.
        if (settings.AdminGroupId is not { Length: > 0 } group || !settings.Authenticated
            || !Guid.TryParse(tenantId, out _) || !Guid.TryParse(aadObjectId, out _)) return false;

        var key = (tenantId.ToLowerInvariant(), aadObjectId.ToLowerInvariant());
        if (_cache.TryGetValue(key, out bool cached)) return cached;
        var member = await AskGraphAsync(tenantId, aadObjectId, group, ct);
        if (member is { } answer)
            _cache.Set(key, answer, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Positive(settings.AdminCacheDuration) });
        return member ?? false;
    }

    /// <summary>True or false as Graph says; null when Graph could not say (not cached).</summary>
    private async Task<bool?> AskGraphAsync(string tenantId, string aadObjectId, string group, CancellationToken ct)
    {
        try
        {
            var result = await _graph.For(tenantId).Users[aadObjectId].CheckMemberGroups
                .PostAsCheckMemberGroupsPostResponseAsync(new CheckMemberGroupsPostRequestBody { GroupIds = [group] }, cancellationToken: ct);
            return result?.Value?.Any(g => string.Equals(g, group, StringComparison.OrdinalIgnoreCase)) == true;
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            // Not a user of that tenant (or the group is not there): certainly not an admin.
            return false;
        }
        catch (ODataError e)
        {
            // Usually: GroupMember.Read.All not consented in that tenant.
            _logger.LogWarning("Graph refused the admin group check in {Tenant} ({Status} {Code})", tenantId, e.ResponseStatusCode, e.Error?.Code);
            return null;
        }
        catch (MsalServiceException e)
        {
            _logger.LogWarning("No Graph token for {Tenant} ({Code}); the admin group cannot be checked", tenantId, e.ErrorCode);
            return null;
        }
        catch (Exception e) when ((e is HttpRequestException or TaskCanceledException) && !ct.IsCancellationRequested)
        {
            _logger.LogWarning(e, "Graph could not be reached for the admin group check in {Tenant}", tenantId);
            return null;
        }
    }

    private static TimeSpan Positive(TimeSpan duration) => duration > TimeSpan.Zero ? duration : TimeSpan.FromTicks(1);

    public void Dispose() => _cache.Dispose();
}
