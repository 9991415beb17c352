using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace RecognitionBot.Web.Tabs;

/// <summary>The Teams tabs: SSO validation, the tab pages, and cookies a Teams iframe can carry.</summary>
public static class TabsSetup
{
    public static IServiceCollection AddTeamsTabs(this IServiceCollection services)
    {
        services.AddOptions<TabsOptions>().BindConfiguration(TabsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DashboardAddress>().BindConfiguration(DashboardAddress.Section);
        services.AddHttpClient(TeamsSsoTokens.HttpClientName);
        services.AddSingleton<TeamsSsoTokens>();
        // Inside Teams the dashboard is a cross-site iframe: its session and antiforgery cookies must be SameSite=None
        // (and so Secure) there, or the browser never sends them back.
        services.PostConfigure<CookieAuthenticationOptions>(DashboardAuth.CookieScheme, o => o.Cookie = FrameableCookie.From(o.Cookie));
        services.PostConfigure<AntiforgeryOptions>(o => o.Cookie = FrameableCookie.From(o.Cookie));
        return services;
    }
}

/// <summary>
/// A cookie that is SameSite=None; Secure on https (every Teams tab is) and keeps its own SameSite on plain http
/// (local development), where a browser refuses SameSite=None without Secure.
/// </summary>
public sealed class FrameableCookie : CookieBuilder
{
    public static FrameableCookie From(CookieBuilder cookie) => new()
    {
        Name = cookie.Name,
        Path = cookie.Path,
        Domain = cookie.Domain,
        HttpOnly = cookie.HttpOnly,
        IsEssential = cookie.IsEssential,
        MaxAge = cookie.MaxAge,
        Expiration = cookie.Expiration,
        SameSite = cookie.SameSite,
        SecurePolicy = cookie.SecurePolicy,
    };

    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        if (context.Request.IsHttps)
        {
            options.SameSite = SameSiteMode.None;
            options.Secure = true;
        }
        return options;
    }
}
