using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace RecognitionBot.Slack;

/// <summary>
/// "Add to Slack" for other workspaces (OAuth v2). The state is a random nonce kept in a short-lived cookie and,
/// signed and time-limited with Data Protection, sent through Slack: the callback only proceeds when both agree,
/// so a forged or replayed callback cannot attach someone else's workspace, and any instance can check it.
/// </summary>
public static class SlackOAuth
{
    public const string CallbackPath = "/slack/oauth/callback";
    private const string StateCookie = "slack_oauth_state";
    private const string StatePurpose = "RecognitionBot.Slack.OAuthState.v1";
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    // Encodes markup characters but leaves "ö" and "è" readable in the page source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IResult InstallAsync(HttpContext http, IOptions<SlackOptions> options, IDataProtectionProvider dataProtection)
    {
        var settings = options.Value;
        var culture = PageCulture(http.Request);
        if (!settings.OAuthEnabled) return Page(StatusCodes.Status404NotFound, SlackTexts.Get(SlackTexts.InstallUnavailable, culture), culture);

        var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var state = dataProtection.CreateProtector(StatePurpose).ToTimeLimitedDataProtector().Protect(nonce, StateLifetime);
        http.Response.Cookies.Append(StateCookie, nonce, new CookieOptions
        {
            HttpOnly = true,
            // Always Secure, whatever scheme the request arrived with: behind a TLS-terminating proxy it says http.
            Secure = true,
            // Lax: the cookie must come back on Slack's top-level redirect to the callback.
            SameSite = SameSiteMode.Lax,
            Path = CallbackPath,
            MaxAge = StateLifetime,
        });
        var url = QueryHelpers.AddQueryString(settings.AuthorizeUrl.AbsoluteUri, new Dictionary<string, string?>
        {
            ["client_id"] = settings.ClientId,
            ["scope"] = settings.Scopes,
            ["redirect_uri"] = RedirectUri(http.Request, settings),
            ["state"] = state,
        });
        return Results.Redirect(url);
    }

    public static async Task<IResult> CallbackAsync(
        HttpContext http, IOptions<SlackOptions> options, IDataProtectionProvider dataProtection,
        SlackApiClient api, SlackInstallations installations, ILoggerFactory logs)
    {
        var settings = options.Value;
        var culture = PageCulture(http.Request);
        if (!settings.OAuthEnabled) return Page(StatusCodes.Status404NotFound, SlackTexts.Get(SlackTexts.InstallUnavailable, culture), culture);

        var query = http.Request.Query;
        var cookie = http.Request.Cookies[StateCookie];
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = CallbackPath, Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        if (!StateMatches(dataProtection, query["state"], cookie))
            return Page(StatusCodes.Status400BadRequest, SlackTexts.Get(SlackTexts.InstallExpired, culture), culture);
        if (!string.IsNullOrEmpty(query["error"]) || string.IsNullOrEmpty(query["code"]))
            return Page(StatusCodes.Status200OK, SlackTexts.Get(SlackTexts.InstallCancelled, culture), culture);

        var log = logs.CreateLogger(typeof(SlackOAuth));
        try
        {
            var access = await api.OAuthAccessAsync(
                settings.ClientId!, settings.ClientSecret!, query["code"]!, RedirectUri(http.Request, settings), http.RequestAborted);
            if (access.TokenType != "bot" || string.IsNullOrEmpty(access.AccessToken))
                return Page(StatusCodes.Status502BadGateway, SlackTexts.Format(SlackTexts.InstallFailed, culture, "no bot token"), culture);
            var installation = await installations.SaveAsync(access, http.RequestAborted);
            log.LogInformation("Slack app installed into {Installation} by {User}", installation.Key, installation.InstalledBy);
            return Page(StatusCodes.Status200OK, SlackTexts.Format(SlackTexts.InstallDone, culture, installation.Name ?? installation.Key), culture);
        }
        catch (SlackApiException e)
        {
            log.LogWarning(e, "Slack install failed: {Error}", e.Error);
            return Page(StatusCodes.Status502BadGateway, SlackTexts.Format(SlackTexts.InstallFailed, culture, e.Error), culture);
        }
    }

    private static bool StateMatches(IDataProtectionProvider dataProtection, string? state, string? cookie)
    {
        if (string.IsNullOrEmpty(state) || string.IsNullOrEmpty(cookie)) return false;
        string nonce;
        try
        {
            nonce = dataProtection.CreateProtector(StatePurpose).ToTimeLimitedDataProtector().Unprotect(state);
        }
        catch (CryptographicException)
        {
            // Tampered, expired, or protected with a key this app never had.
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(cookie));
    }

    private static string RedirectUri(HttpRequest request, SlackOptions settings) =>
        settings.RedirectUri?.AbsoluteUri ?? $"{request.Scheme}://{request.Host}{CallbackPath}";

    private static CultureInfo PageCulture(HttpRequest request)
    {
        foreach (var language in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value;
            if (tag is null || tag == "*") continue;
            var neutral = tag.Split('-')[0].ToLowerInvariant();
            if (neutral is "en" or "it" or "sv") return CultureInfo.GetCultureInfo(neutral);
        }
        return CultureInfo.GetCultureInfo("en");
    }

    private static IResult Page(int status, string message, CultureInfo culture)
    {
        var html = Html;
        var title = SlackTexts.Get(SlackTexts.InstallTitle, culture);
        var body = $"""
            <!doctype html>
            <html lang="{culture.TwoLetterISOLanguageName}"><head><meta charset="utf-8"><title>{html.Encode(title)}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem">
            <h1>{html.Encode(title)}</h1><p>{html.Encode(message)}</p></body></html>
            """;
        return Results.Content(body, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
