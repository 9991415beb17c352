using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace RecognitionBot.Web.Pages;

/// <summary>The sign-in choice: Slack, Microsoft (each when configured), and the development sign-in where it exists.</summary>
[AllowAnonymous]
public sealed class SignInModel(IOptions<DashboardOptions> options, IHostEnvironment environment) : PageModel
{
    public bool Slack => options.Value.Slack.Enabled;

    public bool Entra => options.Value.Entra.Enabled;

    public bool Local => LocalSignInModel.IsAllowed(options.Value, environment);

    public bool Failed { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet(int? failed)
    {
        Failed = failed is not null;
        ReturnUrl = SafeReturn(ReturnUrl);
    }

    public IActionResult OnGetSlack() => Slack ? Challenge(Properties(), DashboardAuth.SlackScheme) : NotFound();

    public IActionResult OnGetEntra() => Entra ? Challenge(Properties(), DashboardAuth.EntraScheme) : NotFound();

    private AuthenticationProperties Properties() => new() { RedirectUri = SafeReturn(ReturnUrl) };

    /// <summary>Only a path of the dashboard itself: never another site (an open redirect).</summary>
    public static string SafeReturn(string? url) =>
        url is { Length: > 0 } && url.StartsWith("/dashboard", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.Contains('\\') && Uri.TryCreate(url, UriKind.Relative, out _)
            ? url
            : "/dashboard";
}
