using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Web;

/// <summary>
/// The dashboard under <c>/dashboard</c>: Razor Pages rendered on the server, a cookie session made after Sign in with
/// Slack or Entra ID (each on when configured), the Member / Approver / Admin policies, antiforgery on every form.
/// </summary>
public static class DashboardServiceCollectionExtensions
{
    public const string SlackTeamClaim = "https://slack.com/team_id";
    public const string SlackUserClaim = "https://slack.com/user_id";

    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();

        services.AddSingleton<DashboardWorkspaces>();
        services.AddSingleton<DashboardNames>();
        services.AddSingleton<IAuthorizationHandler, DashboardRoleHandler>();
        services.AddAuthorization(DashboardAuth.AddPolicies);
        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Web/Pages";
            // Every page needs a session unless it says otherwise (sign-in, the unknown-workspace page).
            pages.Conventions.AuthorizeFolder("/", DashboardAuth.Member);
        });

        var auth = services.AddAuthentication(DashboardAuth.CookieScheme).AddCookie(DashboardAuth.CookieScheme);
        services.AddOptions<CookieAuthenticationOptions>(DashboardAuth.CookieScheme)
            .Configure<IHostEnvironment, Microsoft.Extensions.Options.IOptions<DashboardOptions>>((cookie, environment, dashboard) =>
                DashboardAuth.ConfigureCookie(cookie, dashboard.Value, environment.IsProduction()));

        if (settings.Slack.Enabled)
            AddSignIn(services, auth, DashboardAuth.SlackScheme, o => Configure(o, settings.Slack, "/dashboard/signin-slack", pkce: false, Platform.Slack));
        if (settings.Entra.Enabled)
            AddSignIn(services, auth, DashboardAuth.EntraScheme, o =>
            {
                Configure(o, settings.Entra, "/dashboard/signin-entra", pkce: true, Platform.Teams);
                // Multi-tenant metadata names its issuer with a {tenantid} placeholder: the token's own tenant fills it.
                o.TokenValidationParameters.IssuerValidatorUsingConfiguration = EntraIssuer;
            });
        return services;
    }

    private static void AddSignIn(IServiceCollection services, AuthenticationBuilder auth, string scheme, Action<OpenIdConnectOptions> configure)
    {
        auth.AddOpenIdConnect(scheme, configure);
        services.AddOptions<OpenIdConnectOptions>(scheme).Configure<IHostEnvironment>((o, environment) => Secure(o, environment.IsProduction()));
    }

    private static void Configure(OpenIdConnectOptions o, OidcClientOptions client, string callback, bool pkce, Platform platform)
    {
        o.Authority = client.Authority;
        o.ClientId = client.ClientId;
        o.ClientSecret = client.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        // The code comes back on a GET: the correlation and nonce cookies can then be SameSite=Lax.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = pkce;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        o.CallbackPath = callback;
        o.SignInScheme = DashboardAuth.CookieScheme;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.SaveTokens = false;
        o.TokenValidationParameters.NameClaimType = "name";
        o.Events.OnTicketReceived = context => SignedInAsync(context, platform);
        o.Events.OnRemoteFailure = context =>
        {
            context.HandleResponse();
            context.Response.Redirect(DashboardAuth.SignInPath + "?failed=1");
            return Task.CompletedTask;
        };
    }

    private static void Secure(OpenIdConnectOptions o, bool production)
    {
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        }
    }

    /// <summary>The platform said who this is: their workspace and member as the core names them, if the app serves it.</summary>
    private static async Task SignedInAsync(TicketReceivedContext context, Platform platform)
    {
        var claims = context.Principal;
        var (workspace, member) = platform == Platform.Slack
            ? (claims?.FindFirst(SlackTeamClaim)?.Value, claims?.FindFirst(SlackUserClaim)?.Value)
            : (claims?.FindFirst("tid")?.Value, claims?.FindFirst("oid")?.Value);
        var name = claims?.FindFirst("name")?.Value;
        if (string.IsNullOrEmpty(workspace) || string.IsNullOrEmpty(member)
            || !await context.HttpContext.RequestServices.GetRequiredService<DashboardWorkspaces>()
                .IsServedAsync(new WorkspaceId(platform, workspace), context.HttpContext.RequestAborted))
        {
            context.HandleResponse();
            context.Response.Redirect("/dashboard/unknown");
            return;
        }
        var method = platform == Platform.Slack ? DashboardSignIn.Slack : DashboardSignIn.Entra;
        context.Principal = DashboardClaims.Principal(new WorkspaceId(platform, workspace), new MemberId(member), name, method);
    }

    private static string EntraIssuer(string issuer, SecurityToken token, TokenValidationParameters parameters, BaseConfiguration? configuration)
    {
        var tenant = token is Microsoft.IdentityModel.JsonWebTokens.JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var tid) ? tid : null;
        var valid = (parameters.ValidIssuers ?? []).Append(parameters.ValidIssuer).Append(configuration?.Issuer).OfType<string>();
        if (Guid.TryParse(tenant, out _)
            && valid.Any(v => string.Equals(v.Replace("{tenantid}", tenant, StringComparison.OrdinalIgnoreCase), issuer, StringComparison.Ordinal)))
            return issuer;
        throw new SecurityTokenInvalidIssuerException($"Issuer {issuer} is not the token's tenant's.");
    }

    /// <summary>
    /// The dashboard's middleware and pages: the session read, the page's language chosen (the member's language in
    /// the core, else the browser's), then authorization; anonymous requests are sent to sign in, never shown data.
    /// </summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/dashboard"), branch => branch.Use(async (http, next) =>
        {
            DashboardMember? me;
            try
            {
                me = await DashboardMember.OfAsync(http);
            }
            catch (DashboardUnavailableException)
            {
                await DashboardPages.WriteUnavailableAsync(http);
                return;
            }
            var culture = me?.Culture ?? Texts.For(DashboardMember.BrowserLocale(http)).Culture;
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers["Referrer-Policy"] = "same-origin";
            await next(http);
        }));
        app.UseAuthorization();
        app.MapRazorPages();
        return app;
    }
}
