using System.Globalization;
using RecognitionBot.Core.Commands;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>The export form: what, and the local days from (included) and until (not included); the answer is a CSV download.</summary>
public static class ExportPage
{
    public static string Render(AdminHtml h, string timeZone, DateOnly today) =>
        $"<p class=\"note\" id=\"export-note\">{h.Format("AdminPage.Export.Note", timeZone)}</p>"
        + h.Form(AdminRoutes.ExportDownload,
            h.Select("export-kind", "kind", "AdminPage.Export.Kind",
                Enum.GetValues<ExportKind>().Select(k => (k.ToString(), h.T[$"AdminPage.Export.{k}"], k == ExportKind.Kudos)))
            + h.Input("export-from", "from", "AdminPage.Export.From", "date", Day(today.AddDays(1 - today.Day)), " required aria-describedby=\"export-note\"")
            + h.Input("export-to", "to", "AdminPage.Export.To", "date", Day(today.AddDays(1)), " required aria-describedby=\"export-note\"")
            + h.Button("AdminPage.Export.Download"));

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
