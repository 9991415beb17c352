using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using RecognitionBot.Core.Caching;
using RecognitionBot.Teams;

namespace RecognitionBot.Web.Tabs;

/// <summary>Who a valid Teams SSO token speaks for: the tenant and the person's Entra object id.</summary>
public sealed record SsoPerson(string TenantId, string ObjectId, string? Name);

/// <summary>
/// Checks the Entra v2 access token a Teams tab gets from <c>authentication.getAuthToken()</c> (PROTOCOLS B3): RS256,
/// signed by a key of the token's own tenant (that tenant's OpenID metadata, never the <c>common</c> keys alone), issuer
/// of that tenant, audience the bot's app id or its <c>webApplicationInfo.resource</c>, within its lifetime (5 minutes
/// of skew), the <c>access_as_user</c> scope, a tenant this deployment serves and an object id. Users are keyed by
/// <c>tid</c> + <c>oid</c>, never by a name.
/// </summary>
public sealed class TeamsSsoTokens(
    IOptions<TeamsOptions> teams,
    IOptions<TabsOptions> tabs,
    IOptions<DashboardAddress> dashboard,
    IHttpClientFactory http,
    ILogger<TeamsSsoTokens> logger) : IDisposable
{
    public const string HttpClientName = "entra-metadata";
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    // One metadata manager per tenant served (each caches its keys 12 h and refetches on an unknown kid); bounded
    // because "*" serves any tenant.
    private readonly BoundedCache<string, ConfigurationManager<OpenIdConnectConfiguration>> _metadata = new(1_000, TimeSpan.FromDays(1));

    /// <summary>The person, or null (and a log line saying why) for a token that must not open a session.</summary>
    public async Task<SsoPerson?> ValidateAsync(string? token, CancellationToken ct)
    {
        var settings = teams.Value;
        if (!settings.Authenticated) return Refuse("Teams is not configured (no Teams:AppId)");
        if (string.IsNullOrWhiteSpace(token) || !_handler.CanReadToken(token)) return Refuse("not a JWT");
        // The tenant is read before the signature is checked only to choose whose keys check it.
        var tenant = _handler.ReadJsonWebToken(token).TryGetPayloadValue<string>("tid", out var tid) ? tid : null;
        if (!Guid.TryParse(tenant, out _)) return Refuse("no tenant id");
        if (!settings.AllowsTenant(tenant!)) return Refuse($"tenant {tenant} is not in Teams:AllowedTenants");

        var manager = _metadata.GetOrAdd(tenant!, NewManager);
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await manager.GetConfigurationAsync(ct);
        }
        catch (InvalidOperationException e)
        {
            logger.LogWarning(e, "Could not read the OpenID metadata of tenant {Tenant}", tenant);
            return null;
        }
        var result = await _handler.ValidateTokenAsync(token, Parameters(tenant!, configuration));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys rotate: fetch the tenant's keys again (the manager rate-limits this) and try once more.
            manager.RequestRefresh();
            result = await _handler.ValidateTokenAsync(token, Parameters(tenant!, await manager.GetConfigurationAsync(ct)));
        }
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
            return Refuse(result.Exception?.GetType().Name ?? "invalid");
        if (!jwt.TryGetPayloadValue<string>("ver", out var version) || version != "2.0") return Refuse("not a v2 access token");
        var scopes = jwt.TryGetPayloadValue<string>("scp", out var scp) ? scp.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        if (!scopes.Contains(tabs.Value.SsoScope, StringComparer.Ordinal)) return Refuse($"no {tabs.Value.SsoScope} scope");
        if (!jwt.TryGetPayloadValue<string>("oid", out var oid) || !Guid.TryParse(oid, out _)) return Refuse("no object id");
        var name = jwt.TryGetPayloadValue<string>("name", out var n) ? n : null;
        return new SsoPerson(tenant!.ToLowerInvariant(), oid.ToLowerInvariant(), name);
    }

    /// <summary>The audiences a tab token may carry: the app id (v2 tokens) and the manifest's resource URI.</summary>
    public IReadOnlyList<string> Audiences()
    {
        var appId = teams.Value.AppId!;
        return dashboard.Value.PublicUrl is { IsAbsoluteUri: true } url ? [appId, $"api://{url.Authority}/botid-{appId}"] : [appId];
    }

    private TokenValidationParameters Parameters(string tenant, OpenIdConnectConfiguration configuration) =>
        SignedTokens.Rs256(tabs.Value.SsoIssuer.Replace("{tenant}", tenant, StringComparison.Ordinal), Audiences(), configuration.SigningKeys);

    private ConfigurationManager<OpenIdConnectConfiguration> NewManager(string tenant)
    {
        var url = tabs.Value.SsoMetadataUrl.Replace("{tenant}", tenant, StringComparison.Ordinal);
        var retriever = new HttpDocumentRetriever(http.CreateClient(HttpClientName)) { RequireHttps = true };
        return new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    private SsoPerson? Refuse(string reason)
    {
        logger.LogWarning("Refused a Teams tab sign-in: {Reason}", reason);
        return null;
    }

    public void Dispose() => _metadata.Dispose();
}
