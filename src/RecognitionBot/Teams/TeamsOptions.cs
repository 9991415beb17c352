using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;

namespace RecognitionBot.Teams;

/// <summary>The <c>Teams</c> configuration section. Empty <see cref="AppId"/> means local development (Agents Playground).</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The bot's Entra app id (a GUID). Inbound tokens must carry it as audience; outbound tokens are requested for it.</summary>
    public string? AppId { get; set; }

    public string? AppPassword { get; set; }

    /// <summary>The tenant where the bot's Entra app is registered (single-tenant bots); empty for legacy multi-tenant bots.</summary>
    public string? AppTenantId { get; set; }

    [Required]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    [Required]
    public string TokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>The Entra login host; tests point it at a local token endpoint.</summary>
    [Required]
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    [Required]
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    [Required]
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    [Required]
    public string GraphScope { get; set; } = "https://graph.microsoft.com/.default";

    /// <summary>Where proactive messages go when no service URL was stored for a conversation.</summary>
    [Required]
    public string DefaultServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    /// <summary>How long a manager found (or not found) in Graph is remembered.</summary>
    public TimeSpan ManagerCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts per connector call, the first included, when Teams answers 429, 412 or 5xx.</summary>
    [Range(1, 10)]
    public int ConnectorMaxAttempts { get; set; } = 4;

    /// <summary>The longest Retry-After the client waits in-line; longer waits fail the call so the outbox retries later.</summary>
    public TimeSpan ConnectorMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public bool Authenticated => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The tenant that issues the bot's connector tokens (A2: not the customer's tenant).</summary>
    public string ConnectorTokenTenant => string.IsNullOrWhiteSpace(AppTenantId) ? "botframework.com" : AppTenantId;
}

internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        if (options.Authenticated)
        {
            if (!Guid.TryParse(options.AppId, out _))
                failures.Add("Teams:AppId must be the bot's Entra app id (a GUID).");
            if (string.IsNullOrWhiteSpace(options.AppPassword))
                failures.Add("Teams:AppPassword is required when Teams:AppId is set.");
        }
        CheckUrl(options.OpenIdMetadataUrl, nameof(options.OpenIdMetadataUrl), failures);
        // MSAL itself only talks to an https authority, even on this machine.
        if (!Uri.TryCreate(options.AuthorityHost, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
            failures.Add("Teams:AuthorityHost must be an absolute https URL.");
        CheckUrl(options.GraphBaseUrl, nameof(options.GraphBaseUrl), failures);
        CheckUrl(options.DefaultServiceUrl, nameof(options.DefaultServiceUrl), failures);
        if (options.ManagerCacheDuration < TimeSpan.Zero)
            failures.Add("Teams:ManagerCacheDuration must not be negative.");
        if (options.ConnectorMaxRetryDelay < TimeSpan.Zero)
            failures.Add("Teams:ConnectorMaxRetryDelay must not be negative.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Plain HTTP is only acceptable towards this machine (local fakes, the Agents Playground).
    private static void CheckUrl(string value, string name, List<string> failures)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
            failures.Add($"Teams:{name} must be an absolute URL.");
        else if (uri.Scheme != Uri.UriSchemeHttps && !IsLoopback(uri))
            failures.Add($"Teams:{name} must use https.");
    }

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
}
