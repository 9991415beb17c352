using System.Globalization;
using System.Text;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Views;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>The audit log, a page at a time, newest first: each row as the same sentence <c>/kudos admin log</c> writes.</summary>
public static class AuditPage
{
    public const int PageSize = 25;

    public static string Render(AuditLogView log, int page, AdminHtml h, ViewText v)
    {
        var sb = new StringBuilder();
        if (log.Entries.Count == 0) sb.Append("<p>").Append(h["Audit.Empty"]).Append("</p>");
        else
            sb.Append(OverviewPage.Table(h, h.T["AdminPage.Audit.Title"], ["AdminPage.Audit.When", "AdminPage.Audit.What"],
                log.Entries.Select(e => new[]
                {
                    $"<time datetime=\"{e.At.UtcDateTime:O}\">{AdminHtml.Encode(h.T.When(e.At, h.Zone))}</time>",
                    h.Spans(AuditText.Sentence(e, v)),
                })));
        var links = new List<string>();
        if (page > 1) links.Add($"<a href=\"{AdminRoutes.Audit}?page={Number(page - 1)}\" rel=\"prev\">{h["AdminPage.Audit.Newer"]}</a>");
        if (log.More) links.Add($"<a href=\"{AdminRoutes.Audit}?page={Number(page + 1)}\" rel=\"next\">{h["AdminPage.Audit.Older"]}</a>");
        if (links.Count > 0)
            sb.Append("<nav class=\"pages\" aria-label=\"").Append(h["AdminPage.Audit.Pages"]).Append("\">").Append(string.Join(" ", links)).Append("</nav>");
        return sb.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
