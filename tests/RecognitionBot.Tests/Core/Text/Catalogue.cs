using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using RecognitionBot.Core.Text;

namespace RecognitionBot.Tests.Core.Text;

/// <summary>
/// The compiled text catalogue as the running bot sees it: the neutral (English) resources in the core assembly and
/// each translation in its satellite assembly, read without fallback so a missing key cannot hide behind English.
/// </summary>
internal static partial class Catalogue
{
    /// <summary>Every language with a Strings.xx.resx. Adding one here is what makes the catalogue tests cover it.</summary>
    public static readonly string[] Translations = ["it", "sv"];

    public static TheoryData<string> TranslationData => new(Translations);

    public static TheoryData<string> AllLanguageData => new(["en", .. Translations]);

    private static readonly ResourceManager Resources = new("RecognitionBot.Core.Text.Strings", typeof(Texts).Assembly);

    public static IReadOnlyDictionary<string, string> English => Read("en");

    /// <summary>The texts compiled for exactly this language; empty if its satellite assembly is missing.</summary>
    public static IReadOnlyDictionary<string, string> Read(string language)
    {
        var set = Resources.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false);
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (set is null) return texts;
        foreach (DictionaryEntry entry in set)
            texts[(string)entry.Key] = (string)entry.Value!;
        return texts;
    }

    /// <summary>The indices of the composite format items (<c>{0}</c>, <c>{1:N0}</c>), ignoring escaped braces.</summary>
    public static SortedSet<int> Placeholders(string text) =>
        new(FormatItem().Matches(text.Replace("{{", "").Replace("}}", "")).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));

    /// <summary>What the parser needs verbatim: backtick-quoted commands and <c>--options</c>.</summary>
    public static SortedSet<string> CommandParts(string text) =>
        new(Quoted().Matches(text).Select(m => m.Value).Concat(Option().Matches(text).Select(m => m.Value)), StringComparer.Ordinal);

    [GeneratedRegex(@"\{(\d+)(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex FormatItem();

    [GeneratedRegex("`[^`]+`")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex Option();
}
