using System.Globalization;
using RecognitionBot.Core.Text;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>
/// Reads a posted form into a command's fields. What a form cannot say (a number that is none, a date that is none, a
/// missing field) is answered here, in the reader's words, before any handler runs; every rule is the handler's.
/// </summary>
public sealed class AdminForm(IFormCollection form, Texts texts)
{
    private readonly List<string> _errors = [];

    /// <summary>The first problem found, in the reader's language; null when every field read.</summary>
    public string? Error => _errors.FirstOrDefault();

    public string Text(string name) => form[name].ToString().Trim();

    public string Required(string name, string labelKey)
    {
        var value = Text(name);
        if (value.Length == 0) _errors.Add(texts.Format("AdminPage.Required", texts[labelKey]));
        return value;
    }

    public bool Flag(string name) => form[name].ToString() == "true";

    /// <summary>A whole number; empty is null unless <paramref name="required"/>.</summary>
    public int? Number(string name, string labelKey, bool required = false)
    {
        var value = Text(name);
        if (value.Length == 0)
        {
            if (required) _errors.Add(texts.Format("AdminPage.Required", texts[labelKey]));
            return null;
        }
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        _errors.Add(texts.Format("AdminPage.NotANumber", texts[labelKey], value));
        return null;
    }

    /// <summary>A day as a date input sends it (<c>yyyy-MM-dd</c>).</summary>
    public DateOnly Day(string name, string labelKey)
    {
        var value = Text(name);
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        _errors.Add(value.Length == 0 ? texts.Format("AdminPage.Required", texts[labelKey]) : texts.Format("AdminPage.NotADate", texts[labelKey], value));
        return default;
    }

    public TEnum Choice<TEnum>(string name, TEnum fallback) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(Text(name), ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : fallback;
}
