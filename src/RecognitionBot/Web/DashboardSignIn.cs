using Microsoft.AspNetCore.Authentication;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Web;

/// <summary>
/// The one way a person gets a dashboard session: Sign in with Slack, Entra ID, the Teams tab's single sign-on and
/// the development sign-in all end here, so every session carries the same claims. The caller has checked who the
/// person is; this checks the workspace is one the app serves and, if not, signs nobody in.
/// </summary>
public static class DashboardSignIn
{
    public const string Slack = "slack";
    public const string Entra = "entra";
    public const string Teams = "teams-sso";
    public const string Local = "local";

    /// <summary>Signs the person in; false (and no session) when their workspace is not installed or not served.</summary>
    public static async Task<bool> SignInAsync(HttpContext context, WorkspaceId workspace, MemberId member, string? name, string method,
        CancellationToken cancellationToken = default)
    {
        var served = context.RequestServices.GetRequiredService<DashboardWorkspaces>();
        if (!await served.IsServedAsync(workspace, cancellationToken)) return false;
        await context.SignInAsync(DashboardAuth.CookieScheme, DashboardClaims.Principal(workspace, member, name, method),
            new AuthenticationProperties { IsPersistent = false });
        return true;
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(DashboardAuth.CookieScheme);
}
