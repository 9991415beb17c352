using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RecognitionBot.Web.Pages;

/// <summary>Where a person lands whose workspace the app does not serve: a friendly word, no session, no data.</summary>
[AllowAnonymous]
public sealed class UnknownModel : PageModel
{
    public void OnGet()
    {
    }
}
