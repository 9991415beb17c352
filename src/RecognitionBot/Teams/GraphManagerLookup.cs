using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions.Authentication;
using RecognitionBot.Core.Caching;

namespace RecognitionBot.Teams;

/// <summary>A person's manager as Microsoft Graph knows them.</summary>
public sealed record ManagerInfo(string AadObjectId, string? DisplayName, string? Mail);

/// <summary>
/// Finds a requester's manager with Graph <c>/users/{id}/manager</c>, app-only in the customer's tenant (PROTOCOLS C).
/// Null means "no manager we can use" (none set, an external contact, or Graph not permitted): the caller falls back
/// to the workspace approvers. Answers, including "none", are remembered for <see cref="TeamsOptions.ManagerCacheDuration"/>.
/// </summary>
public sealed class GraphManagerLookup(
    IOptions<TeamsOptions> options,
    GraphClients graphClients,
    TimeProvider time,
    ILogger<GraphManagerLookup> logger)
{
    private readonly BoundedCache<(string Tenant, string User), (ManagerInfo? Manager, DateTimeOffset Until)> _cache = new(20_000, TimeSpan.FromDays(1));

    public async Task<ManagerInfo?> FindManagerAsync(string tenantId, string userAadObjectId, CancellationToken ct)
    {
        var key = (tenantId.ToLowerInvariant(), userAadObjectId.ToLowerInvariant());
        if (_cache.TryGetValue(key, out var cached) && cached.Until > time.GetUtcNow()) return cached.Manager;

        var manager = await AskGraphAsync(tenantId, userAadObjectId, ct);
        _cache[key] = (manager, time.GetUtcNow() + options.Value.ManagerCacheDuration);
        return manager;
    }

    private async Task<ManagerInfo?> AskGraphAsync(string tenantId, string userAadObjectId, CancellationToken ct)
    {
        var graph = graphClients.For(tenantId);
        try
        {
            var result = await graph.Users[userAadObjectId].Manager.GetAsync(cancellationToken: ct);
            if (result is User { Id: { } id } user) return new ManagerInfo(id, user.DisplayName, user.Mail ?? user.UserPrincipalName);
            logger.LogInformation("The manager of {User} in {Tenant} is not a user of the tenant ({Type})", userAadObjectId, tenantId, result?.OdataType);
            return null;
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
        catch (ODataError e) when (e.ResponseStatusCode is 401 or 403)
        {
            // Usually: the tenant's admin has not consented to User.Read.All. Approvals still work through the workspace approvers.
            logger.LogWarning("Graph refused the manager lookup in {Tenant} ({Status} {Code}); using the workspace approvers",
                tenantId, e.ResponseStatusCode, e.Error?.Code);
            return null;
        }
        catch (MsalServiceException e)
        {
            // The customer's tenant will not give us a token (app not consented there, or removed).
            logger.LogWarning("No Graph token for {Tenant} ({Code}); using the workspace approvers", tenantId, e.ErrorCode);
            return null;
        }
    }
}

/// <summary>Graph clients, app-only in a customer's tenant, on the factory's "graph" HttpClient (Graph's own middleware).</summary>
public sealed class GraphClients(IOptions<TeamsOptions> options, IHttpClientFactory httpClientFactory, MsalTokenSource tokens)
{
    public const string HttpClientName = "graph";

    public GraphServiceClient For(string tenantId) => new(
        httpClientFactory.CreateClient(HttpClientName),
        new BaseBearerTokenAuthenticationProvider(new TenantTokenProvider(tokens, tenantId)),
        options.Value.GraphBaseUrl.TrimEnd('/'));

    private sealed class TenantTokenProvider(MsalTokenSource tokens, string tenantId) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(
            Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            tokens.GraphTokenAsync(tenantId, cancellationToken);
    }
}
