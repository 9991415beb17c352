using System.Text.RegularExpressions;

namespace RecognitionBot.Core.Integrations;

/// <summary>
/// Takes the customer's contact details out of what they wrote, before anything is stored or posted: email
/// addresses, phone numbers (seven digits or more, however spaced) and the customer's name as the helpdesk sent it.
/// What is taken out becomes <see cref="Removed"/>.
/// </summary>
public static partial class ContactDetails
{
    public const string Removed = "[…]";

    public static string Strip(string text, IReadOnlyList<string> names)
    {
        var result = Email().Replace(text, Removed);
        result = Phone().Replace(result, m => m.Value.Count(char.IsAsciiDigit) >= 7 ? Removed : m.Value);
        // The whole name first, then each of its words long enough to be a name rather than an initial.
        foreach (var name in names.Concat(names.SelectMany(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries))).Distinct())
            if (name.Length >= 2)
                result = Regex.Replace(result, $@"(?<!\w){Regex.Escape(name)}(?!\w)", Removed, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                    TimeSpan.FromSeconds(1));
        return result;
    }

    [GeneratedRegex(@"(?:mailto:)?[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Email();

    // A leading + or digit, then digits with the separators people type: spaces, dots, dashes, slashes, brackets.
    [GeneratedRegex(@"(?<![\w])\+?\(?\d[\d\s().\-/]{5,}\d(?![\w])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Phone();
}
