using System.Globalization;
using System.Text.RegularExpressions;
using RecognitionBot.Core.Commands;

namespace RecognitionBot.Tests.Core.Text;

/// <summary>
/// Every English text has a translation that says the same things: same keys, same placeholders, the same command
/// words the parser understands. A key added to Strings.resx without a translation fails here on purpose.
/// </summary>
public sealed partial class TranslatingTheCatalogue
{
    [Fact]
    public void EnglishIsTheNeutralCatalogue()
    {
        Assert.True(Catalogue.English.Count > 100, $"only {Catalogue.English.Count} English texts were found");
        Assert.Contains("Help.Title", Catalogue.English.Keys);
    }

    [Theory]
    [MemberData(nameof(Catalogue.TranslationData), MemberType = typeof(Catalogue))]
    public void TranslatesEveryEnglishKey(string language)
    {
        var missing = Catalogue.English.Keys.Except(Catalogue.Read(language).Keys).ToList();

        Assert.True(missing.Count == 0, $"Strings.{language}.resx lacks {missing.Count} key(s): {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Catalogue.TranslationData), MemberType = typeof(Catalogue))]
    public void HasNoKeysEnglishLacks(string language)
    {
        var extra = Catalogue.Read(language).Keys.Except(Catalogue.English.Keys).ToList();

        Assert.True(extra.Count == 0, $"Strings.{language}.resx has key(s) not in Strings.resx: {string.Join(", ", extra)}");
    }

    [Theory]
    [MemberData(nameof(Catalogue.TranslationData), MemberType = typeof(Catalogue))]
    public void LeavesNoTextEmpty(string language)
    {
        var empty = Catalogue.Read(language).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key).ToList();

        Assert.True(empty.Count == 0, $"empty in Strings.{language}.resx: {string.Join(", ", empty)}");
    }

    [Theory]
    [MemberData(nameof(Catalogue.TranslationData), MemberType = typeof(Catalogue))]
    public void UsesTheSamePlaceholdersAsEnglish(string language)
    {
        var translated = Catalogue.Read(language);
        var different = Catalogue.English
            .Where(e => translated.ContainsKey(e.Key))
            .Select(e => (e.Key, English: Catalogue.Placeholders(e.Value), Translated: Catalogue.Placeholders(translated[e.Key])))
            .Where(p => !p.English.SetEquals(p.Translated))
            .Select(p => $"{p.Key}: {{{string.Join(",", p.English)}}} vs {{{string.Join(",", p.Translated)}}}")
            .ToList();

        Assert.True(different.Count == 0, $"placeholders differ in Strings.{language}.resx: {string.Join("; ", different)}");
    }

    [Theory]
    [MemberData(nameof(Catalogue.AllLanguageData), MemberType = typeof(Catalogue))]
    public void FormatsEveryTextWithSampleArguments(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var failures = new List<string>();
        foreach (var (key, text) in Catalogue.Read(language))
        {
            var count = Catalogue.English.TryGetValue(key, out var english) && Catalogue.Placeholders(english).Count > 0
                ? Catalogue.Placeholders(english).Max() + 1
                : 0;
            var args = Enumerable.Range(0, count).Select(i => (object)$"<arg{i}>").ToArray();
            try
            {
                var formatted = string.Format(culture, text, args);
                for (var i = 0; i < count; i++)
                {
                    if (Catalogue.Placeholders(english!).Contains(i) && !formatted.Contains($"<arg{i}>", StringComparison.Ordinal))
                        failures.Add($"{key}: argument {i} does not appear");
                }
            }
            catch (FormatException e)
            {
                failures.Add($"{key}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, $"in {language}: {string.Join("; ", failures)}");
    }

    // A quoted command may use the reader's own command words (`/kudos aiuto` for `/kudos help`), as long as the
    // parser reads it as the very same command; options (--private) are never translated.
    [Theory]
    [MemberData(nameof(Catalogue.TranslationData), MemberType = typeof(Catalogue))]
    public void KeepsQuotedCommandsMeaningTheSameAndOptionsInEnglish(string language)
    {
        var translated = Catalogue.Read(language);
        var lost = Catalogue.English
            .Where(e => translated.ContainsKey(e.Key))
            .SelectMany(e => Catalogue.CommandParts(e.Value).Except(Catalogue.CommandParts(translated[e.Key]))
                .Where(part => !Catalogue.CommandParts(translated[e.Key]).Any(local => ReadsTheSame(part, local)))
                .Select(part => $"{e.Key}: {part}"))
            .ToList();

        Assert.True(lost.Count == 0, $"Strings.{language}.resx changed the meaning of command syntax: {string.Join("; ", lost)}");
    }

    private static bool ReadsTheSame(string english, string local)
    {
        if (!english.StartsWith('`') || !local.StartsWith('`')) return false;
        var (a, b) = (CommandParser.Parse(english.Trim('`')), CommandParser.Parse(local.Trim('`')));
        return a.Ok ? Equals(a.Command, b.Command) : !b.Ok && a.Error == b.Error;
    }

    [Theory]
    [MemberData(nameof(Catalogue.AllLanguageData), MemberType = typeof(Catalogue))]
    public void ShowsExamplesTheParserReadsAsTheSameCommand(string language)
    {
        var translated = Catalogue.Read(language);
        var examples = Catalogue.English.Keys.Where(k => k.StartsWith("Example.", StringComparison.Ordinal) && k != "Example.Line").ToList();
        Assert.NotEmpty(examples);

        foreach (var key in examples)
        {
            var english = Parse(Catalogue.English[key]);
            var example = Parse(translated[key]);
            Assert.True(example.Ok, $"{language} {key} \"{translated[key]}\" is refused: {example.Error} ({example.Detail})");
            Assert.Equal(english.Command!.GetType(), example.Command!.GetType());
        }
    }

    // Examples are written as people type them; adapters hand the parser a mention as <@id>.
    private static ParseResult Parse(string example) => CommandParser.Parse(Mention().Replace(example, "<@$1>"));

    [GeneratedRegex(@"(?<!\w)@(\w+)")]
    private static partial Regex Mention();
}
