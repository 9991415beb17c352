using System.Text;
using RecognitionBot.Core.Text;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>The admin pages' frame: language, title, a skip link, the admin navigation (the current page marked), the content.</summary>
public static class AdminLayout
{
    /// <summary>
    /// The person's bar: links to their own pages (My kudos, My people for approvers), their name and a sign-out form,
    /// the same as the foundation's layout shows.
    /// </summary>
    public static string Who(Texts t, Web.DashboardMember me, AntiforgeryField token)
    {
        var sb = new StringBuilder("<div class=\"who\"><ul>");
        var own = Web.DashboardNav.Links.Where(l => !l.Path.StartsWith(AdminRoutes.Root, StringComparison.Ordinal) && Web.DashboardNav.Allows(me, l.Policy));
        foreach (var link in own)
            sb.Append("<li><a href=\"").Append(link.Path).Append("\">").Append(AdminHtml.Encode(Web.DashboardTexts.Get(link.TextKey, t.Culture)))
                .Append("</a></li>");
        sb.Append("</ul><span>").Append(AdminHtml.Encode(me.Name)).Append("</span><form method=\"post\" action=\"/dashboard/signout\">")
            .Append("<input type=\"hidden\" name=\"").Append(AdminHtml.Encode(token.Name)).Append("\" value=\"").Append(AdminHtml.Encode(token.Value))
            .Append("\">")
            .Append("<button type=\"submit\">").Append(AdminHtml.Encode(Web.DashboardTexts.Get("Layout.SignOut", t.Culture))).Append("</button></form></div>");
        return sb.ToString();
    }

    public static string Page(Texts t, string title, string path, string content, string who = "")
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"").Append(AdminHtml.Encode(t.Culture.TwoLetterISOLanguageName)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(AdminHtml.Encode(title)).Append("</title><style>").Append(Css).Append("</style></head><body>")
            .Append("<a class=\"skip\" href=\"#main\">").Append(AdminHtml.Encode(t["AdminPage.Skip"])).Append("</a>")
            .Append("<header>").Append(who)
            .Append("<nav aria-label=\"").Append(AdminHtml.Encode(t["AdminPage.Nav.Label"])).Append("\"><ul>");
        foreach (var (pagePath, key) in AdminRoutes.Pages)
            sb.Append("<li><a href=\"").Append(pagePath).Append('"').Append(path == pagePath ? " aria-current=\"page\"" : "").Append('>')
                .Append(AdminHtml.Encode(t[key])).Append("</a></li>");
        sb.Append("</ul></nav></header><main id=\"main\"><h1>").Append(AdminHtml.Encode(title)).Append("</h1>").Append(content).Append("</main></body></html>");
        return sb.ToString();
    }

    // Readable at phone width: one column, wrapping forms, tables that scroll inside their box, charts that shrink.
    private const string Css =
        "body{font-family:system-ui,sans-serif;margin:0;color:#111;background:#fff;line-height:1.4}"
        + "main{padding:0 1rem 2rem;max-width:60rem}nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:.75rem 1rem;"
        + "background:#1f3b63}nav a{color:#fff}nav a[aria-current=page]{font-weight:bold;text-decoration:underline}"
        + ".skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}"
        + "a:focus,button:focus,input:focus,select:focus{outline:3px solid #d35400;outline-offset:2px}"
        + ".field{display:flex;flex-wrap:wrap;gap:.25rem .5rem;align-items:center;margin:.4rem 0}input,select,button{font:inherit;padding:.3rem .5rem}"
        + "button{background:#1f3b63;color:#fff;border:0;border-radius:4px;cursor:pointer}button.danger{background:#a11}"
        + "form{margin:.5rem 0}.table{overflow-x:auto}table{border-collapse:collapse;min-width:16rem}th,td{border-bottom:1px solid #ccc;"
        + "padding:.3rem .6rem;text-align:left}caption{text-align:left;font-weight:bold;padding:.5rem 0}figure.chart{margin:1rem 0}"
        + "svg.chart{max-width:100%;height:auto;overflow:visible}.note{color:#444}.result{border-left:4px solid #2b7a2b;padding:.25rem .75rem;margin:1rem 0}"
        + ".result.problem{border-color:#a11}.reward{border-top:1px solid #ccc;padding:.5rem 0}ul.chips{padding-left:1.2rem}"
        + "ul.chips form{display:inline}progress{width:100%;max-width:20rem}"
        + ".who{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;padding:.5rem 1rem;background:#eef2f7}.who ul{display:flex;gap:1rem;"
        + "list-style:none;margin:0;padding:0}.who form{margin:0}";
}
