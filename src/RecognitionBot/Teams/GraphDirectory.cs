using Microsoft.Extensions.Options;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;

namespace RecognitionBot.Teams;

/// <summary>A person as Graph lists them: a tag's member (<c>teamworkTagMember</c>) or a user found by name.</summary>
public sealed record GraphPerson(string AadObjectId, string DisplayName, string? TenantId, string? Mail = null);

/// <summary>Why Graph could not answer: not allowed (no credentials, no consent), or not found (a tag deleted meanwhile).</summary>
public sealed class GraphUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The people Graph knows, app-only in the customer's tenant (PROTOCOLS B4, C): the members of a team tag
/// (<c>GET /teams/{group}/tags/{tag}/members</c>, application permission <c>TeamworkTag.Read.All</c>), and people
/// by name for the composer's picker in the 1:1 chat, where the conversation's roster is only the asker
/// (<c>GET /users?$search</c>, <c>User.Read.All</c>, which manager lookups already need).
/// </summary>
public sealed class GraphDirectory(IOptions<TeamsOptions> options, GraphClients graphClients, ILogger<GraphDirectory> logger)
{
    /// <summary>A tag holds at most 200 people; a few pages at most.</summary>
    public const int MaxTagMembers = 200;

    public async Task<IReadOnlyList<GraphPerson>> TagMembersAsync(string tenantId, string teamGroupId, string tagId, CancellationToken ct)
    {
        RequireGraph(tenantId);
        var graph = graphClients.For(tenantId);
        try
        {
            var members = new List<GraphPerson>();
            var page = await graph.Teams[teamGroupId].Tags[tagId].Members.GetAsync(cancellationToken: ct);
            while (page is not null)
            {
                members.AddRange(from m in page.Value ?? []
                                 where !string.IsNullOrWhiteSpace(m.UserId)
                                 select new GraphPerson(m.UserId!, m.DisplayName ?? m.UserId!, m.TenantId));
                if (page.OdataNextLink is not { Length: > 0 } next || members.Count >= MaxTagMembers) break;
                page = await graph.Teams[teamGroupId].Tags[tagId].Members.WithUrl(next).GetAsync(cancellationToken: ct);
            }
            return members;
        }
        catch (ODataError e) when (e.ResponseStatusCode is 401 or 403 or 404)
        {
            logger.LogWarning("Graph refused the members of tag {Tag} in {Tenant} ({Status} {Code})", tagId, tenantId, e.ResponseStatusCode, e.Error?.Code);
            throw new GraphUnavailableException($"Graph answered {e.ResponseStatusCode} for the tag's members.", e);
        }
        catch (MsalServiceException e)
        {
            throw new GraphUnavailableException($"No Graph token for {tenantId} ({e.ErrorCode}).", e);
        }
    }

    /// <summary>Enabled members of the tenant (no guests) whose name or address starts with what was typed; at most <paramref name="top"/>.</summary>
    public async Task<IReadOnlyList<GraphPerson>> SearchPeopleAsync(string tenantId, string typed, int top, CancellationToken ct)
    {
        RequireGraph(tenantId);
        // $search takes a quoted phrase; a typed quote or backslash would end it early.
        var words = typed.Replace("\"", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal).Trim();
        if (words.Length == 0) return [];
        var graph = graphClients.For(tenantId);
        try
        {
            var found = await graph.Users.GetAsync(r =>
            {
                r.QueryParameters.Search = $"\"displayName:{words}\" OR \"mail:{words}\"";
                r.QueryParameters.Filter = "accountEnabled eq true and userType eq 'Member'";
                r.QueryParameters.Select = ["id", "displayName", "mail", "userPrincipalName"];
                r.QueryParameters.Top = top;
                r.QueryParameters.Count = true;
                // Advanced queries ($search, $filter on userType) need eventual consistency.
                r.Headers.Add("ConsistencyLevel", "eventual");
            }, ct);
            return [.. from u in found?.Value ?? []
                       where u.Id is not null
                       select new GraphPerson(u.Id!, u.DisplayName ?? u.Mail ?? u.Id!, tenantId, u.Mail ?? u.UserPrincipalName)];
        }
        catch (ODataError e) when (e.ResponseStatusCode is 400 or 401 or 403)
        {
            logger.LogWarning("Graph refused a people search in {Tenant} ({Status} {Code})", tenantId, e.ResponseStatusCode, e.Error?.Code);
            throw new GraphUnavailableException($"Graph answered {e.ResponseStatusCode} for a people search.", e);
        }
        catch (MsalServiceException e)
        {
            throw new GraphUnavailableException($"No Graph token for {tenantId} ({e.ErrorCode}).", e);
        }
    }

    /// <summary>The tenant's member whose mail (or sign-in name) is <paramref name="email"/>, or null: a helpdesk names agents so.</summary>
    public async Task<GraphPerson?> FindByMailAsync(string tenantId, string email, CancellationToken ct)
    {
        RequireGraph(tenantId);
        var quoted = email.Replace("'", "''", StringComparison.Ordinal);
        try
        {
            var found = await graphClients.For(tenantId).Users.GetAsync(r =>
            {
                r.QueryParameters.Filter = $"mail eq '{quoted}' or userPrincipalName eq '{quoted}'";
                r.QueryParameters.Select = ["id", "displayName", "mail", "userPrincipalName"];
            }, ct);
            return found?.Value?.FirstOrDefault(u => u.Id is not null) is { } u
                ? new GraphPerson(u.Id!, u.DisplayName ?? u.Mail ?? u.Id!, tenantId, u.Mail ?? u.UserPrincipalName)
                : null;
        }
        catch (ODataError e) when (e.ResponseStatusCode is 400 or 401 or 403)
        {
            logger.LogWarning("Graph refused a lookup by mail in {Tenant} ({Status} {Code})", tenantId, e.ResponseStatusCode, e.Error?.Code);
            throw new GraphUnavailableException($"Graph answered {e.ResponseStatusCode} for a lookup by mail.", e);
        }
        catch (MsalServiceException e)
        {
            throw new GraphUnavailableException($"No Graph token for {tenantId} ({e.ErrorCode}).", e);
        }
    }

    // Without app credentials (local development) there is no Graph token; a tenant id becomes part of a URL.
    private void RequireGraph(string tenantId)
    {
        if (!options.Value.Authenticated || !Guid.TryParse(tenantId, out _))
            throw new GraphUnavailableException("Graph needs the app's credentials and a tenant id.");
    }
}
