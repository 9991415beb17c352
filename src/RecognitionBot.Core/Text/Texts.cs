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

    private Texts(CultureInfo culture) => Culture = culture;

    public CultureInfo Culture { get; }

    /// <summary>Texts for the first locale that is a real culture (Teams sends <c>en-US</c>, Slack <c>sv-SE</c>).</summary>
    public static Texts For(params string?[] locales)
    {
        foreach (var locale in locales)
        {
            if (string.IsNullOrWhiteSpace(locale)) continue;
            try
            {
                return new Texts(CultureInfo.GetCultureInfo(locale.Replace('_', '-')));
            }
            catch (CultureNotFoundException)
            {
            }
        }
        return new Texts(English);
    }

    public string this[string key] => Resources.GetString(key, Culture) ?? Resources.GetString(key, English) ?? key;

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    public string Number(int value) => value.ToString("N0", Culture);

    /// <summary>A date and time in the given zone, e.g. "Mon 1 Dec, 00:00".</summary>
    public string When(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("g", Culture);

    public string Day(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("d", Culture);

    public string Weekday(DayOfWeek day) => Culture.DateTimeFormat.GetDayName(day);
}
