using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RecognitionBot.Web.Pages;

[AllowAnonymous]
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect(DashboardAuth.SignInPath);

    public async Task<IActionResult> OnPostAsync()
    {
        await DashboardSignIn.SignOutAsync(HttpContext);
        return Redirect(DashboardAuth.SignInPath);
    }
}
