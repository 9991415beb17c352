using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using RecognitionBot.Core.Caching;

namespace RecognitionBot.Teams;

/// <summary>
/// App-only tokens by client credentials (PROTOCOLS A2, C): for the Bot Connector from the bot's home tenant, for
/// Graph from each customer's tenant. One MSAL application per tenant, kept for the process, so MSAL's token cache works.
/// </summary>
public sealed class MsalTokenSource(IOptions<TeamsOptions> options, IHttpClientFactory httpClientFactory)
{
    public const string HttpClientName = "msal";
    private const string PublicCloudHost = "https://login.microsoftonline.com";
    // One application per tenant id that has asked, bounded: tenant ids come from activities, so a stream of them must
    // not grow the process. An app unused for an hour is rebuilt on its next use (its tokens are re-acquired).
    private readonly BoundedCache<string, Lazy<IConfidentialClientApplication>> _apps = new(1_000, TimeSpan.FromHours(1));

    /// <summary>A connector token, or null in local development where the channel (Agents Playground) needs none.</summary>
    public async Task<string?> ConnectorTokenAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Authenticated) return null;
        return await AcquireAsync(settings.ConnectorTokenTenant, settings.ConnectorScope, ct);
    }

    public Task<string> GraphTokenAsync(string tenantId, CancellationToken ct)
    {
        // The tenant id comes from the activity and becomes part of a URL: accept nothing but a GUID.
        if (!Guid.TryParse(tenantId, out var tenant))
            throw new ArgumentException("A tenant id must be a GUID.", nameof(tenantId));
        if (!options.Value.Authenticated)
            throw new InvalidOperationException("Graph needs Teams:AppId and Teams:AppPassword.");
        return AcquireAsync(tenant.ToString("D"), options.Value.GraphScope, ct);
    }

    private async Task<string> AcquireAsync(string tenant, string scope, CancellationToken ct)
    {
        var app = _apps.GetOrAdd(tenant.ToLowerInvariant(), t => new Lazy<IConfidentialClientApplication>(() => Build(t))).Value;
        var result = await app.AcquireTokenForClient([scope]).ExecuteAsync(ct);
        return result.AccessToken;
    }

    private IConfidentialClientApplication Build(string tenant)
    {
        var settings = options.Value;
        var host = settings.AuthorityHost.TrimEnd('/');
        var publicCloud = string.Equals(host, PublicCloudHost, StringComparison.OrdinalIgnoreCase);
        return ConfidentialClientApplicationBuilder.Create(settings.AppId)
            .WithClientSecret(settings.AppPassword)
            // Another host (a sovereign cloud, or the local token endpoint of the tests) is taken as given:
            // instance discovery only knows Microsoft's hosts.
            .WithAuthority($"{host}/{tenant}/", validateAuthority: publicCloud)
            .WithInstanceDiscovery(publicCloud)
            .WithHttpClientFactory(new HttpClientFactoryAdapter(httpClientFactory))
            .WithLegacyCacheCompatibility(false)
            .Build();
    }

    private sealed class HttpClientFactoryAdapter(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(HttpClientName);
    }
}
