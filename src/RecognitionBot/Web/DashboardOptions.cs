using System.ComponentModel.DataAnnotations;

namespace RecognitionBot.Web;

/// <summary>
/// The <c>Dashboard</c> configuration section: the two OpenID Connect sign-ins (each on only when its client id is
/// set) and the development sign-in. Authorities are settings so tests point them at a local issuer.
/// </summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>"Sign in with Slack" (PROTOCOLS.md E.A4): a Slack app's client id and secret.</summary>
    public OidcClientOptions Slack { get; set; } = new() { Authority = "https://slack.com" };

    /// <summary>Microsoft Entra ID, multi-tenant: only tenants in <c>Teams:AllowedTenants</c> get a session.</summary>
    public OidcClientOptions Entra { get; set; } = new() { Authority = "https://login.microsoftonline.com/organizations/v2.0" };

    /// <summary>
    /// A sign-in form that names any workspace and member, for <c>./scripts/run-local.sh</c>: honoured only in the
    /// Development environment; anywhere else the route does not exist, whatever this says.
    /// </summary>
    public bool LocalSignIn { get; set; }

    /// <summary>How long a session lasts without use.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}

public sealed class OidcClientOptions
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    [Required]
    public string Authority { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId);
}
