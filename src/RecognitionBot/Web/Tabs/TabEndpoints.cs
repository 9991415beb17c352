using System.Globalization;
using Microsoft.Extensions.Options;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Web.Tabs;

/// <summary>
/// The Teams tabs' routes under <c>/dashboard/tabs</c>: the personal tab ("My kudos"), the channel tab and its
/// configuration page, the SSO exchange, and the two scripts those pages load from this host (TeamsJS and ours).
/// </summary>
public static class TabEndpoints
{
    public const string Base = "/dashboard/tabs";
    public const string Personal = Base + "/personal";
    public const string Channel = Base + "/channel";
    public const string ChannelBoard = Base + "/channel/board";
    public const string Configure = Base + "/configure";
    public const string Sso = Base + "/sso";
    public const string TeamsJs = Base + "/teams-js.js";
    public const string TabJs = Base + "/tab.js";

    /// <summary>Where the personal tab goes once signed in: the dashboard's own "My kudos".</summary>
    public const string MyKudos = "/dashboard";

    /// <summary>Where the host build puts TeamsJS (RecognitionBot.csproj copies it from node_modules).</summary>
    internal static string TeamsJsFile => Path.Combine(AppContext.BaseDirectory, "tabs", "MicrosoftTeams.min.js");

    public static IEndpointRouteBuilder MapTeamsTabs(this IEndpointRouteBuilder endpoints)
    {
        var tabs = endpoints.MapGroup(Base).AllowAnonymous();
        tabs.MapGet("/personal", (HttpContext http, IOptions<DashboardAddress> dashboard) =>
            Html(http, TabPages.SignIn(CultureInfo.CurrentUICulture, "personal", MyKudos, dashboard.Value.Link())));
        tabs.MapGet("/channel", (HttpContext http, IOptions<DashboardAddress> dashboard) =>
            Html(http, TabPages.SignIn(CultureInfo.CurrentUICulture, "channel", ChannelBoard, dashboard.Value.Link())));
        tabs.MapGet("/configure", (HttpContext http, IOptions<DashboardAddress> dashboard) =>
            Html(http, TabPages.Configure(CultureInfo.CurrentUICulture, Channel, dashboard.Value.Link())));
        tabs.MapPost("/sso", ExchangeAsync);
        tabs.MapGet("/teams-js.js", () => File.Exists(TeamsJsFile) ? Results.File(TeamsJsFile, JavaScript) : Results.NotFound());
        tabs.MapGet("/tab.js", () => Results.Stream(typeof(TabEndpoints).Assembly.GetManifestResourceStream(TabScriptResource)!, JavaScript));
        return endpoints;
    }

    private const string TabScriptResource = "RecognitionBot.Web.Tabs.tab.js";

    /// <summary>
    /// The token Teams gave the tab, in the Authorization header (a cross-site form cannot set one, so this needs no
    /// antiforgery token), exchanged for the dashboard session every other sign-in makes. Anything not valid: 401,
    /// and no session.
    /// </summary>
    private static async Task<IResult> ExchangeAsync(HttpContext http, TeamsSsoTokens tokens, CancellationToken ct)
    {
        const string scheme = "Bearer ";
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
        if (await tokens.ValidateAsync(token, ct) is not { } person) return Results.Unauthorized();
        var signedIn = await DashboardSignIn.SignInAsync(
            http, new WorkspaceId(Platform.Teams, person.TenantId), new MemberId(person.ObjectId), person.Name, DashboardSignIn.Teams, ct);
        return signedIn ? Results.NoContent() : Results.Unauthorized();
    }

    private const string JavaScript = "text/javascript; charset=utf-8";

    // A tab page is read once per tab opening: never from a cache, so a new version shows at once.
    private static IResult Html(HttpContext http, string html)
    {
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
