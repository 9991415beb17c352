using System.Text;
using RecognitionBot.Core.Text;

namespace RecognitionBot.Web;

/// <summary>
/// Answers the dashboard writes without a page: the 403 a member gets for a page above their role, and the 503 anyone
/// gets while storage does not answer.
/// </summary>
public static class DashboardPages
{
    public static async Task WriteForbiddenAsync(HttpContext http)
    {
        var culture = (await DashboardMember.OfAsync(http))?.Culture ?? Texts.For(DashboardMember.BrowserLocale(http)).Culture;
        await WriteAsync(http, culture, "Forbidden");
    }

    /// <summary>503 with Retry-After, in the browser's language (the person's own cannot be read either).</summary>
    public static async Task WriteUnavailableAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "30";
        http.Response.Headers.CacheControl = "no-store";
        await WriteAsync(http, Texts.For(DashboardMember.BrowserLocale(http)).Culture, "Unavailable");
    }

    private static async Task WriteAsync(HttpContext http, System.Globalization.CultureInfo culture, string page)
    {
        var title = DashboardTexts.Get($"{page}.Title", culture);
        var html = new StringBuilder()
            .Append($"<!DOCTYPE html><html lang=\"{culture.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{DashboardHtml.E(title)}</title></head><body><main>")
            .Append($"<h1>{DashboardHtml.E(title)}</h1><p>{DashboardHtml.E(DashboardTexts.Get($"{page}.Text", culture))}</p>")
            .Append($"<p><a href=\"/dashboard\">{DashboardHtml.E(DashboardTexts.Get($"{page}.Back", culture))}</a></p>")
            .Append("</main></body></html>");
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html.ToString());
    }
}
