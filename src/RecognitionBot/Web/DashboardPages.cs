using System.Text;
using RecognitionBot.Core.Text;

namespace RecognitionBot.Web;

/// <summary>Answers the dashboard writes without a page: the 403 a member gets for a page above their role.</summary>
public static class DashboardPages
{
    public static async Task WriteForbiddenAsync(HttpContext http)
    {
        var culture = (await DashboardMember.OfAsync(http))?.Culture ?? Texts.For(DashboardMember.BrowserLocale(http)).Culture;
        var title = DashboardTexts.Get("Forbidden.Title", culture);
        var html = new StringBuilder()
            .Append($"<!DOCTYPE html><html lang=\"{culture.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{DashboardHtml.E(title)}</title></head><body><main>")
            .Append($"<h1>{DashboardHtml.E(title)}</h1><p>{DashboardHtml.E(DashboardTexts.Get("Forbidden.Text", culture))}</p>")
            .Append($"<p><a href=\"/dashboard\">{DashboardHtml.E(DashboardTexts.Get("Forbidden.Back", culture))}</a></p>")
            .Append("</main></body></html>");
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html.ToString());
    }
}
