using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Views;

namespace RecognitionBot.Tests.Core.Text;

/// <summary>
/// The reader's locale picks the language, falling back to the workspace default and then English (SPEC, Language).
/// Expected texts are read from the compiled catalogue, so these prove the satellite assemblies are found at run time.
/// </summary>
public sealed class ChoosingTheReadersLanguage
{
    private static readonly string EnglishTitle = Catalogue.English["Help.Title"];

    [Theory]
    [InlineData("it")]
    [InlineData("sv")]
    public void ShipsASatelliteAssemblyPerTranslation(string language)
    {
        var satellite = Path.Combine(AppContext.BaseDirectory, language, "RecognitionBot.Core.resources.dll");

        Assert.True(File.Exists(satellite), $"{satellite} was not built");
    }

    [Fact]
    public void AnItalianReaderGetsItalian()
    {
        var italian = Catalogue.Read("it")["Help.Title"];

        Assert.NotEqual(EnglishTitle, italian);
        Assert.Equal(italian, Texts.For("it-IT")["Help.Title"]);
        Assert.Equal("it-IT", Texts.For("it-IT").Culture.Name);
    }

    [Fact]
    public void ASwedishReaderGetsSwedish()
    {
        var swedish = Catalogue.Read("sv")["Help.Title"];

        Assert.NotEqual(EnglishTitle, swedish);
        Assert.Equal(swedish, Texts.For("sv-SE")["Help.Title"]);
    }

    [Fact]
    public void AReaderInALanguageWithoutTranslationGetsEnglish()
    {
        var texts = Texts.For("fr-FR");

        Assert.Equal(EnglishTitle, texts["Help.Title"]);
        Assert.Equal("en", texts.Culture.Name);
    }

    [Fact]
    public void AnEnglishReaderKeepsTheirRegion()
    {
        var texts = Texts.For("en-GB", "it");

        Assert.Equal(EnglishTitle, texts["Help.Title"]);
        Assert.Equal("en-GB", texts.Culture.Name);
    }

    [Fact]
    public void AReaderWithoutLocaleGetsTheWorkspaceDefault()
    {
        Assert.Equal(Catalogue.Read("sv")["Help.Title"], Texts.For(null, "sv")["Help.Title"]);
        Assert.Equal(Catalogue.Read("it")["Help.Title"], Texts.For("", "it-IT")["Help.Title"]);
    }

    [Fact]
    public void AReaderInALanguageWithoutTranslationGetsTheWorkspaceDefault()
    {
        Assert.Equal(Catalogue.Read("it")["Help.Title"], Texts.For("fr-FR", "it-IT")["Help.Title"]);
    }

    [Theory]
    [InlineData("sv_SE")]
    [InlineData(" sv-SE ")]
    [InlineData("SV-se")]
    public void ReadsLocalesAsPlatformsWriteThem(string locale)
    {
        Assert.Equal(Catalogue.Read("sv")["Help.Title"], Texts.For(locale)["Help.Title"]);
    }

    [Theory]
    [InlineData("not a locale")]
    [InlineData("zz-ZZ")]
    [InlineData("!!")]
    public void SkipsLocalesThatAreNotLanguagesWeSpeak(string locale)
    {
        Assert.Equal(Catalogue.Read("it")["Help.Title"], Texts.For(locale, "it")["Help.Title"]);
        Assert.Equal(EnglishTitle, Texts.For(locale)["Help.Title"]);
    }

    [Fact]
    public void NoLocaleAtAllMeansEnglish()
    {
        Assert.Equal(EnglishTitle, Texts.For()["Help.Title"]);
        Assert.Equal(EnglishTitle, Texts.For(null, " ")["Help.Title"]);
    }

    [Fact]
    public void AnUnknownKeyReadsAsItsName()
    {
        Assert.Equal("No.Such.Key", Texts.For("sv-SE")["No.Such.Key"]);
    }

    [Fact]
    public void AnswersAnItalianReaderInItalianWithAnItalianExample()
    {
        var italian = Catalogue.Read("it");

        var answer = ResultText.Describe(new NotUnderstood(ParseError.NoRecipient, null), new ViewText(Texts.For("it-IT"), TimeZoneInfo.Utc));

        Assert.Equal([italian["Parse.NoRecipient"], string.Format(italian["Example.Line"], italian["Example.Give"])],
            answer.Select(line => string.Concat(line.Spans.Cast<TextSpan>().Select(s => s.Text))));
    }
}
