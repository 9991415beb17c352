namespace RecognitionBot.Web.Tabs;

/// <summary>
/// Who may frame a dashboard page. Teams (and the Microsoft 365 hosts that run Teams apps) may frame the tab pages,
/// and every page of a session the Teams SSO made (the personal tab shows the dashboard's own "My kudos"); nobody
/// may frame any other dashboard page. Decided when the response starts, once the session has been read.
/// </summary>
public static class TabFraming
{
    /// <summary>The hosts Microsoft documents for tabs (tab requirements: Teams, *.cloud.microsoft, Microsoft 365, Outlook).</summary>
    public static readonly IReadOnlyList<string> TeamsHosts =
    [
        "https://teams.microsoft.com", "https://*.teams.microsoft.com", "https://*.cloud.microsoft", "https://*.microsoft365.com",
        "https://*.office.com", "https://outlook.office.com", "https://outlook.office365.com", "https://outlook-sdf.office.com",
        "https://outlook-sdf.office365.com",
    ];

    public static IApplicationBuilder UseTabFraming(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/dashboard"))
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                if (MayBeFramedByTeams(http))
                {
                    headers.Append("Content-Security-Policy", "frame-ancestors " + string.Join(' ', TeamsHosts));
                }
                else
                {
                    headers.Append("Content-Security-Policy", "frame-ancestors 'none'");
                    headers.XFrameOptions = "DENY";
                }
                return Task.CompletedTask;
            });
        await next(http);
    });

    private static bool MayBeFramedByTeams(HttpContext http) =>
        http.Request.Path.StartsWithSegments(TabEndpoints.Base)
        || http.User.FindFirst(DashboardClaims.Method)?.Value == DashboardSignIn.Teams;
}
