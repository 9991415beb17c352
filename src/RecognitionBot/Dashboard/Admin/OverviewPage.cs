using System.Text;
using RecognitionBot.Core.Dashboard;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>
/// The overview: each chart as inline SVG followed by the same numbers as a table, so it reads without JavaScript,
/// without colour and with a screen reader. Counts only: nobody is named.
/// </summary>
public static class OverviewPage
{
    public static string Render(OverviewView view, AdminHtml h)
    {
        var sb = new StringBuilder();
        sb.Append("<p class=\"note\">").Append(h["AdminPage.Overview.PrivacyNote"]).Append("</p>");
        var weeks = OverviewBuilder.Weeks;
        var labels = view.Weeks.Select(w => w.Start.ToString("d MMM", h.Culture)).ToList();

        sb.Append(Chart(h, "kudos-week", h.T.Format("AdminPage.Overview.KudosPerWeek", weeks), h.T["AdminPage.Overview.Kudos"],
            view.Weeks.Select((w, i) => new SvgBarChart.Bar(labels[i], w.Kudos, h.T.Number(w.Kudos))).ToList()));
        sb.Append(Chart(h, "points-week", h.T.Format("AdminPage.Overview.PointsPerWeek", weeks), h.T["AdminPage.Overview.Points"],
            view.Weeks.Select((w, i) => new SvgBarChart.Bar(labels[i], w.Points, h.T.Number(w.Points))).ToList()));
        sb.Append(Table(h, h.T.Format("AdminPage.Overview.KudosPerWeek", weeks),
            ["AdminPage.Overview.Week", "AdminPage.Overview.Kudos", "AdminPage.Overview.Points"],
            view.Weeks.Select((w, i) => new[] { AdminHtml.Encode(w.Start.ToString("D", h.Culture)), h.Number(w.Kudos), h.Number(w.Points) })));

        var p = view.Participation;
        sb.Append("<section aria-labelledby=\"participation\"><h2 id=\"participation\">")
            .Append(h.Format("AdminPage.Overview.Participation", p.Days)).Append("</h2>");
        sb.Append(Meter(h, "gave", h.T.Format("AdminPage.Overview.Gave", p.Gave, p.People, p.GaveShare.ToString("P0", h.Culture)), p.Gave, p.People));
        sb.Append(Meter(h, "received", h.T.Format("AdminPage.Overview.Received", p.Received, p.People, p.ReceivedShare.ToString("P0", h.Culture)),
            p.Received, p.People));
        sb.Append("<p class=\"note\">").Append(h["AdminPage.Overview.PeopleNote"]).Append("</p></section>");

        sb.Append(Chart(h, "values", h.T.Format("AdminPage.Overview.Values", weeks), h.T["AdminPage.Overview.Kudos"],
            view.Values.Select(v => new SvgBarChart.Bar(v.Value, v.Kudos, h.T.Number(v.Kudos))).ToList()));
        sb.Append(Table(h, h.T.Format("AdminPage.Overview.Values", weeks), ["AdminPage.Overview.Value", "AdminPage.Overview.Kudos"],
            view.Values.Select(v => new[] { AdminHtml.Encode(v.Value), h.Number(v.Kudos) })));

        sb.Append(Chart(h, "kinds", h.T.Format("AdminPage.Overview.Kinds", weeks), h.T["AdminPage.Overview.Kudos"],
            view.Kinds.Select(k => new SvgBarChart.Bar(h.T[$"AdminPage.Kind.{k.Kind}"], k.Kudos, h.T.Number(k.Kudos))).ToList()));
        sb.Append(Table(h, h.T.Format("AdminPage.Overview.Kinds", weeks),
            ["AdminPage.Overview.Kind", "AdminPage.Overview.Kudos", "AdminPage.Overview.Points"],
            view.Kinds.Select(k => new[] { h[$"AdminPage.Kind.{k.Kind}"], h.Number(k.Kudos), h.Number(k.Points) })));

        var recent = h.T.Format("AdminPage.Overview.Recent", OverviewBuilder.RecentWeeks);
        if (view.Places.Count == 0)
            sb.Append("<h2>").Append(h.Format("AdminPage.Overview.Places", weeks)).Append("</h2><p>").Append(h["AdminPage.Overview.NoPlaces"]).Append("</p>");
        else
            sb.Append(Table(h, h.T.Format("AdminPage.Overview.Places", weeks),
                ["AdminPage.Overview.Place", "AdminPage.Overview.Kudos", "AdminPage.Overview.Points", "AdminPage.Overview.PeopleRecognised", recent],
                view.Places.Select(place => new[]
                {
                    place.IsTeam ? h.Format("AdminPage.Overview.Team", place.Id) : $"<code>{AdminHtml.Encode(place.Id)}</code>",
                    h.Number(place.Kudos), h.Number(place.Points), h.Number(place.People),
                    h.Number(place.RecentKudos) + (place.RecentKudos == 0 ? $" <strong>{h["AdminPage.Overview.Quiet"]}</strong>" : ""),
                }), heading: true));
        return sb.ToString();
    }

    private static string Chart(AdminHtml h, string id, string title, string axis, IReadOnlyList<SvgBarChart.Bar> bars) =>
        $"<figure class=\"chart\" aria-labelledby=\"{id}-caption\">"
        + SvgBarChart.Render(id, title, h.T["AdminPage.Overview.ChartNote"], axis, bars, h.Culture)
        + $"<figcaption id=\"{id}-caption\">{AdminHtml.Encode(title)}</figcaption></figure>";

    private static string Meter(AdminHtml h, string id, string text, int value, int of) =>
        $"<p id=\"{id}\">{AdminHtml.Encode(text)}</p>"
        + $"<progress aria-labelledby=\"{id}\" max=\"{Math.Max(of, 1)}\" value=\"{Math.Min(value, Math.Max(of, 1))}\">{AdminHtml.Encode(text)}</progress>";

    /// <summary>A table with a caption; column titles are catalogue keys, or already written titles (those with a space).</summary>
    internal static string Table(AdminHtml h, string caption, IReadOnlyList<string> columns, IEnumerable<string[]> rows, bool heading = false)
    {
        var sb = new StringBuilder("<div class=\"table\"><table>");
        sb.Append(heading ? $"<caption><h2>{AdminHtml.Encode(caption)}</h2></caption>" : $"<caption>{AdminHtml.Encode(caption)}</caption>");
        sb.Append("<thead><tr>");
        foreach (var column in columns) sb.Append("<th scope=\"col\">").Append(column.Contains(' ') ? AdminHtml.Encode(column) : h[column]).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < row.Length; i++) sb.Append(i == 0 ? "<th scope=\"row\">" : "<td>").Append(row[i]).Append(i == 0 ? "</th>" : "</td>");
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table></div>").ToString();
    }
}
