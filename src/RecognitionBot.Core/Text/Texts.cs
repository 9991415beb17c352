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

    // Every command asks for texts and every sentence for a string: both are looked up once per locale and key, as
    // CultureInfo.GetCultureInfo and ResourceManager take locks that busy requests queue on (bench/run.sh slack).
    // Locales come from the platforms, so the first table is capped in case a client sends made-up ones.
    private const int MaxLocales = 1000;
    private static readonly ConcurrentDictionary<string, Texts?> ByLocale = new(StringComparer.Ordinal);
    private static int _locales;
    private static readonly ConcurrentDictionary<(string Culture, string Key), string> Strings = new();

    private Texts(CultureInfo culture, string? invocation = null) => (Culture, _invocation) = (culture, invocation);

    // How people call the bot on this platform, in place of "/kudos" in our sentences (null: "/kudos" it is).
    private readonly string? _invocation;

    /// <summary>
    /// The same texts for a platform where people do not type <c>/kudos</c> but call the bot another way (in a Teams
    /// channel: by mentioning it): every example and quoted command says so. Words users typed are never touched.
    /// </summary>
    public Texts WithInvocation(string invocation) => new(Culture, invocation);

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
            if (ByLocale.TryGetValue(locale, out var known))
            {
                if (known is not null) return known;
                continue;
            }
            var texts = Resolve(locale);
            if (Interlocked.Increment(ref _locales) <= MaxLocales) ByLocale.TryAdd(locale, texts);
            if (texts is not null) return texts;
        }
        return EnglishTexts;
    }

    private static readonly Texts EnglishTexts = new(English);

    /// <summary>The texts of a locale, or null when it is no culture or has no translation.</summary>
    private static Texts? Resolve(string locale)
    {
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(locale.Trim().Replace('_', '-'));
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
        return HasTexts(culture) ? new Texts(culture) : null;
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

    public string this[string key]
    {
        get
        {
            var text = Strings.GetOrAdd((Culture.Name, key), static (k, culture) =>
                Resources.GetString(k.Key, culture) ?? Resources.GetString(k.Key, English) ?? k.Key, Culture);
            return _invocation is null ? text : text.Replace("/kudos", _invocation, StringComparison.Ordinal);
        }
    }

    public string Format(string key, params object?[] args) => PluralFormat.Format(Culture, this[key], args);

    public string Number(int value) => value.ToString("N0", Culture);

    /// <summary>People or things in a sentence: "Ann", "Ann and Bob", "Ann, Bob and Cat" (in the reader's language).</summary>
    public string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => Format("List.And", string.Join(", ", items.Take(items.Count - 1)), items[^1]),
    };

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
