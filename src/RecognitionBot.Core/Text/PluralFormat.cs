using System.Globalization;

namespace RecognitionBot.Core.Text;

/// <summary>
/// Composite formatting with plural forms in the sentence itself: <c>{1:plural:point|points}</c> is "point" when
/// argument 1 is one, else "points" (the number is written by its own <c>{1}</c>). One and other are all the
/// shipped languages need (English, Italian, Swedish); the argument may be a number or a number already formatted.
/// </summary>
public sealed class PluralFormat(CultureInfo culture) : IFormatProvider, ICustomFormatter
{
    private const string Prefix = "plural:";

    public static string Format(CultureInfo culture, string template, params object?[] args) =>
        string.Format(new PluralFormat(culture), template, args);

    public object? GetFormat(Type? formatType) =>
        formatType == typeof(ICustomFormatter) ? this : culture.GetFormat(formatType);

    public string Format(string? format, object? arg, IFormatProvider? formatProvider)
    {
        if (format is not null && format.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var forms = format[Prefix.Length..].Split('|');
            return IsOne(arg) ? forms[0] : forms[^1];
        }
        return arg switch
        {
            IFormattable formattable => formattable.ToString(format, culture),
            null => "",
            _ => arg.ToString() ?? "",
        };
    }

    private static bool IsOne(object? arg) => arg switch
    {
        int i => i == 1,
        long l => l == 1,
        string s => s.Trim() == "1",
        IPluralArgument p => p.IsOne,
        _ => false,
    };
}

/// <summary>An argument that knows whether it counts one, without being a number (a placeholder for a typed span).</summary>
public interface IPluralArgument
{
    bool IsOne { get; }
}
