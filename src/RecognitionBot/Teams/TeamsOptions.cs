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

    /// <summary>
    /// The customer tenants whose activities are served. Empty means <see cref="AppTenantId"/> only; <c>*</c> (alone)
    /// serves every tenant and is logged as a warning at start-up, since anyone can then install the app and act.
    /// </summary>
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>
    /// Local development with the Agents Playground: no app id, no token, loopback only. Must be switched on
    /// explicitly (<c>scripts/run-local.sh</c> does) and is refused in Production whatever this says.
    /// </summary>
    public bool LocalMode { get; set; }

    /// <summary>Entra object ids of the people who may run <c>admin</c> commands in every served tenant.</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>An Entra group whose (transitive) members are admins, checked with Graph <c>checkMemberGroups</c>.</summary>
    public string? AdminGroupId { get; set; }

    /// <summary>How long a group-membership answer from Graph is remembered, both yes and no.</summary>
    public TimeSpan AdminCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many group-membership answers are remembered at most.</summary>
    [Range(1, 1_000_000)]
    public int AdminCacheSize { get; set; } = 10_000;

    /// <summary>How long a manager found (or not found) in Graph is remembered.</summary>
    public TimeSpan ManagerCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts per connector call, the first included, when Teams answers 429, 412 or 5xx.</summary>
    [Range(1, 10)]
    public int ConnectorMaxAttempts { get; set; } = 4;

    /// <summary>The longest Retry-After the client waits in-line; longer waits fail the call so the outbox retries later.</summary>
    public TimeSpan ConnectorMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public bool Authenticated => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The allowed tenants as configured, a list or one comma-separated app setting (what App Service offers).</summary>
    public IReadOnlyList<string> AllowedTenantIds => Split(AllowedTenants);

    public IReadOnlyList<string> AdminIds => Split(Admins);

    public bool AllowsEveryTenant => AllowedTenantIds is ["*"];

    /// <summary>Whether activities of <paramref name="tenantId"/> are served.</summary>
    public bool AllowsTenant(string tenantId)
    {
        if (AllowsEveryTenant) return true;
        IReadOnlyList<string> allowed = AllowedTenantIds.Count > 0 ? AllowedTenantIds : [AppTenantId ?? ""];
        return allowed.Any(t => t.Length > 0 && string.Equals(t.Trim(), tenantId, StringComparison.OrdinalIgnoreCase));
    }

    public bool IsConfiguredAdmin(string aadObjectId) =>
        AdminIds.Any(a => string.Equals(a, aadObjectId, StringComparison.OrdinalIgnoreCase));

    private static string[] Split(IEnumerable<string> values) =>
        [.. values.SelectMany(v => (v ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

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
        if (options.AllowedTenantIds.Contains("*") && options.AllowedTenantIds.Count > 1)
            failures.Add("Teams:AllowedTenants: \"*\" must stand alone (it already serves every tenant).");
        foreach (var tenant in options.AllowedTenantIds.Where(t => t != "*" && !Guid.TryParse(t, out _)))
            failures.Add($"Teams:AllowedTenants: \"{tenant}\" is not a tenant id (a GUID).");
        // The Agents Playground makes up ids that are not GUIDs (…-0000000000020); local mode never runs in Production.
        var playground = options.LocalMode && !options.Authenticated;
        foreach (var admin in options.AdminIds.Where(a => !Guid.TryParse(a, out _) && !playground))
            failures.Add($"Teams:Admins: \"{admin}\" is not an Entra object id (a GUID).");
        if (!string.IsNullOrWhiteSpace(options.AdminGroupId) && !Guid.TryParse(options.AdminGroupId, out _))
            failures.Add("Teams:AdminGroupId must be the Entra group's object id (a GUID).");
        if (options.AdminCacheDuration < TimeSpan.Zero)
            failures.Add("Teams:AdminCacheDuration must not be negative.");
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
