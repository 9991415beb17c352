using System.Globalization;
using RecognitionBot.Core.Text;

namespace RecognitionBot.Tests.Core.Text;

/// <summary>"1 point", never "1 points": sentences pick the word form that agrees with their number.</summary>
public sealed class CountingInSentences
{
    [Theory]
    [InlineData(1, "1 point")]
    [InlineData(0, "0 points")]
    [InlineData(2, "2 points")]
    [InlineData(11, "11 points")]
    public void PicksOneOrOtherByTheNumber(int n, string expected) =>
        Assert.Equal(expected, PluralFormat.Format(CultureInfo.GetCultureInfo("en"), "{0} {0:plural:point|points}", n));

    [Fact]
    public void ReadsANumberAlreadyFormattedForTheReader()
    {
        var texts = Texts.For("en");

        Assert.Equal("1 point", PluralFormat.Format(texts.Culture, "{0} {0:plural:point|points}", texts.Number(1)));
        Assert.Equal("1,000 points", PluralFormat.Format(texts.Culture, "{0} {0:plural:point|points}", texts.Number(1000)));
    }

    [Fact]
    public void FormatsEverythingElseForTheCulture() =>
        Assert.Equal("2,5 · x", PluralFormat.Format(CultureInfo.GetCultureInfo("it"), "{0} · {1}", 2.5, "x"));

    [Theory]
    [InlineData("en", 1, "1 point")]
    [InlineData("en", 5, "5 points")]
    [InlineData("it", 1, "1 punto")]
    [InlineData("it", 5, "5 punti")]
    [InlineData("sv", 1, "1 poäng")]
    public void TheCatalogueAgreesInEveryLanguage(string locale, int points, string expected)
    {
        var texts = Texts.For(locale);

        Assert.Contains(expected, texts.Format("Dm.Received", "Ann", texts.Number(points)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "Il tuo 1 punto è di nuovo disponibile")]
    [InlineData(3, "I tuoi 3 punti sono di nuovo disponibili")]
    public void ItalianArticleAndVerbAgreeToo(int points, string expected) =>
        Assert.Contains(
            expected, Texts.For("it").Format("Redemption.Cancelled", "Caffè", points.ToString(CultureInfo.InvariantCulture)), StringComparison.Ordinal);
}

/// <summary>Several people in one sentence read as a list in the reader's language.</summary>
public sealed class ListingPeople
{
    [Theory]
    [InlineData("en", new string[0], "")]
    [InlineData("en", new[] { "Ann" }, "Ann")]
    [InlineData("en", new[] { "Ann", "Bob" }, "Ann and Bob")]
    [InlineData("en", new[] { "Ann", "Bob", "Cat" }, "Ann, Bob and Cat")]
    [InlineData("it", new[] { "Ann", "Bob", "Cat" }, "Ann, Bob e Cat")]
    [InlineData("sv", new[] { "Ann", "Bob" }, "Ann och Bob")]
    public void JoinsTheLastWithAnd(string locale, string[] people, string expected) =>
        Assert.Equal(expected, Texts.For(locale).List(people));
}
