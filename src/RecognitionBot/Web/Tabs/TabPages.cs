using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace RecognitionBot.Web.Tabs;

/// <summary>
/// The two small pages Teams loads before a session exists: the sign-in page of a tab (personal or channel) and the
/// channel tab's configuration page. Their script is <c>tab.js</c>; every state the script can reach is in the
/// page already (hidden), so no text is written by script and the page reads without JavaScript too.
/// </summary>
internal static class TabPages
{
    private static readonly HtmlEncoder Encode = HtmlEncoder.Default;

    public static string SignIn(CultureInfo culture, string mode, string next, string? dashboard) => Page(culture,
        $"data-mode=\"{E(mode)}\" data-sso=\"{E(TabEndpoints.Sso)}\" data-next=\"{E(next)}\"",
        $"<p id=\"signing-in\" data-state role=\"status\">{T(TabTexts.SigningIn, culture)}</p>"
        + $"<p id=\"failed\" data-state hidden role=\"alert\">{T(TabTexts.SignInFailed, culture)}</p>"
        + Outside(culture, dashboard));

    public static string Configure(CultureInfo culture, string content, string? dashboard) => Page(culture,
        $"data-mode=\"configure\" data-content=\"{E(content)}\" data-tab-name=\"{T(TabTexts.Title, culture)}\"",
        $"<h2>{T(TabTexts.ConfigureTitle, culture)}</h2><p>{T(TabTexts.ConfigureBody, culture)}</p>"
        + $"<div id=\"confirm\" data-state hidden><button type=\"button\" id=\"confirm-button\">{T(TabTexts.ConfigureConfirm, culture)}</button></div>"
        + $"<p id=\"ready\" data-state hidden role=\"status\">{T(TabTexts.ConfigureReady, culture)}</p>"
        + $"<p id=\"channels-only\" data-state hidden role=\"alert\">{T(TabTexts.ConfigureChannelsOnly, culture)}</p>"
        + $"<p id=\"failed\" data-state hidden role=\"alert\">{T(TabTexts.SignInFailed, culture)}</p>"
        + Outside(culture, dashboard));

    private static string Outside(CultureInfo culture, string? dashboard) =>
        $"<div id=\"outside\" data-state hidden><p>{T(TabTexts.OutsideTeams, culture)}</p>"
        + (dashboard is null ? "" : $"<p><a href=\"{E(dashboard)}\" target=\"_blank\" rel=\"noopener\">{T(TabTexts.OpenDashboard, culture)}</a></p>")
        + "</div>";

    private static string Page(CultureInfo culture, string data, string body)
    {
        var title = T(TabTexts.Title, culture);
        return new StringBuilder()
            .Append($"<!DOCTYPE html><html lang=\"{culture.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{title}</title>")
            .Append("<style>body{margin:0;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:#1a1a1a}")
            .Append("main{padding:1rem;max-width:40rem}button{font:inherit;min-height:2.5rem;padding:.4rem .9rem;border-radius:4px;")
            .Append("border:1px solid #1d4ed8;background:#1d4ed8;color:#fff}button:focus-visible,a:focus-visible{outline:3px solid #f59e0b}</style>")
            .Append($"</head><body {data}><main><h1>{title}</h1>{body}</main>")
            .Append($"<script src=\"{E(TabEndpoints.TeamsJs)}\"></script><script src=\"{E(TabEndpoints.TabJs)}\"></script>")
            .Append("</body></html>")
            .ToString();
    }

    private static string T(string key, CultureInfo culture) => E(TabTexts.Get(key, culture));

    private static string E(string text) => Encode.Encode(text);
}
