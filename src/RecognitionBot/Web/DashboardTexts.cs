using System.Globalization;
using System.Resources;

namespace RecognitionBot.Web;

/// <summary>The dashboard's own words (DashboardTexts.resx and its translations); the rest comes from the core's views.</summary>
public static class DashboardTexts
{
    /// <summary>The languages the dashboard speaks, as the core's catalogue does.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "it", "sv"];

    private static readonly ResourceManager Resources = new("RecognitionBot.Web.DashboardTexts", typeof(DashboardTexts).Assembly);

    public static string Get(string name, CultureInfo? culture = null) =>
        Resources.GetString(name, culture ?? CultureInfo.CurrentUICulture)
        ?? throw new InvalidOperationException($"Missing dashboard text '{name}'.");

    public static string Format(string name, params object?[] args) =>
        Core.Text.PluralFormat.Format(CultureInfo.CurrentCulture, Get(name), args);
}
