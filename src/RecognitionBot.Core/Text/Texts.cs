using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace RecognitionBot.Core.Text;

/// <summary>
/// Every user-facing sentence, from Strings.resx and its translations, in the reader's locale with fallback
/// to the workspace default and then English. Numbers and dates format for that locale.
/// </summary>
public sealed class Texts
{
    private static readonly ResourceManager Resources = new("RecognitionBot.Core.Text.Strings", typeof(Texts).Assembly);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly ConcurrentDictionary<string, bool> Translated = new(StringComparer.OrdinalIgnoreCase);

    private Texts(CultureInfo culture) => Culture = culture;

    public CultureInfo Culture { get; }

    /// <summary>
    /// Texts for the first locale that is a real culture with a translation (Teams sends <c>en-US</c>, Slack
    /// <c>sv-SE</c>): pass the reader's locale, then the workspace default. A reader in a language without a
    /// translation (<c>fr-FR</c>) gets the workspace default, then English, so words, weekdays and number
    /// formats always come from one language instead of an English sentence with French numbers.
    /// </summary>
    public static Texts For(params string?[] locales)
    {
        foreach (var locale in locales)
        {
            if (string.IsNullOrWhiteSpace(locale)) continue;
            CultureInfo culture;
            try
            {
                culture = CultureInfo.GetCultureInfo(locale.Trim().Replace('_', '-'));
            }
            catch (CultureNotFoundException)
            {
                continue;
            }
            if (HasTexts(culture)) return new Texts(culture);
        }
        return new Texts(English);
    }

    // Asks the resource manager rather than a list of languages, so a new Strings.xx.resx (and its entry in
    // SatelliteResourceLanguages) is all it takes to add a language. Cached: a missing satellite is probed once.
    private static bool HasTexts(CultureInfo culture) => Translated.GetOrAdd(culture.Name, _ =>
    {
        for (var c = culture; !c.Equals(CultureInfo.InvariantCulture); c = c.Parent)
        {
            if (Resources.GetResourceSet(c, createIfNotExists: true, tryParents: false) is not null)
                return true;
        }
        return false;
    });

    public string this[string key] => Resources.GetString(key, Culture) ?? Resources.GetString(key, English) ?? key;

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    public string Number(int value) => value.ToString("N0", Culture);

    /// <summary>A date and time in the given zone, e.g. "Mon 1 Dec, 00:00".</summary>
    public string When(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("g", Culture);

    public string Day(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("d", Culture);

    public string Weekday(DayOfWeek day) => Culture.DateTimeFormat.GetDayName(day);

    /// <summary>The day something renews, e.g. "Tuesday 1 December": a reset at local midnight needs no time of day.</summary>
    public string RenewalDay(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(
            Culture.DateTimeFormat.MonthDayPattern is var monthDay && monthDay.StartsWith('M') ? "dddd, " + monthDay : "dddd " + monthDay, Culture);
}
