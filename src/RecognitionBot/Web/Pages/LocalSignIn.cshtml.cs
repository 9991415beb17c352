using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Web.Pages;

/// <summary>
/// Development only: sign in as anyone of any workspace, for <c>./scripts/run-local.sh</c> without a Slack app or an
/// Entra registration. The page exists only in the Development environment with <c>Dashboard:LocalSignIn</c> on;
/// anywhere else (Production above all) it answers 404, as Teams' local mode is refused in Production.
/// </summary>
[AllowAnonymous]
public sealed class LocalSignInModel(IOptions<DashboardOptions> options, IHostEnvironment environment, DashboardWorkspaces served) : PageModel
{
    public static bool IsAllowed(DashboardOptions options, IHostEnvironment environment) => options.LocalSignIn && environment.IsDevelopment();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Workspace { get; private set; } = "T0001";

    public string? Member { get; private set; } = "U0001";

    public string? Name { get; private set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => IsAllowed(options.Value, environment) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Platform platform, string? workspace, string? member, string? name)
    {
        if (!IsAllowed(options.Value, environment)) return NotFound();
        (Workspace, Member, Name) = (workspace?.Trim(), member?.Trim(), name?.Trim());
        if (string.IsNullOrEmpty(Workspace) || string.IsNullOrEmpty(Member) || Workspace.Length > 100 || Member.Length > 100)
        {
            Error = DashboardTexts.Get("Local.Missing");
            return Page();
        }
        // Development: a Teams tenant is taken as it is (Teams' local mode needs no installation). A Slack person's roles
        // and name come from Slack, so a Slack workspace must really be served here, or every page would fail.
        if (platform == Platform.Slack && !await served.IsServedAsync(new WorkspaceId(platform, Workspace), HttpContext.RequestAborted))
        {
            Error = DashboardTexts.Get("Local.SlackNotServed");
            return Page();
        }
        await HttpContext.SignInAsync(DashboardAuth.CookieScheme,
            DashboardClaims.Principal(new WorkspaceId(platform, Workspace), new MemberId(Member), Name, DashboardSignIn.Local));
        return LocalRedirect(SignInModel.SafeReturn(ReturnUrl));
    }
}
