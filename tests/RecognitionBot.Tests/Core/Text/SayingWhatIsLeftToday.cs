using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Views;

namespace RecognitionBot.Tests.Core.Text;

/// <summary>The daily cap per pair, when nothing is left, says "try again tomorrow", not "at most 0 more points".</summary>
public sealed class SayingWhatIsLeftToday
{
    private static string Said(CommandResult result, string locale = "en") =>
        string.Concat(ResultText.Describe(result, new ViewText(Texts.For(locale), TimeZoneInfo.Utc))
            .SelectMany(line => line.Spans).Select(s => s switch { TextSpan t => t.Text, UserTextSpan u => u.Text, _ => "" }));

    [Fact]
    public void SomeLeftIsCountedAndNoneLeftIsTomorrow()
    {
        Assert.Contains("at most 5 more points today", Said(new Refused(Refusal.PairCapReached, "U0007|5")));
        var none = Said(new Refused(Refusal.PairCapReached, "U0007|0"));
        Assert.Contains("Try again tomorrow", none);
        Assert.DoesNotContain("0 more", none);
        Assert.Contains("Riprova domani", Said(new Refused(Refusal.PairCapReached, "U0007|0"), "it"));
        Assert.Contains("Försök igen i morgon", Said(new Refused(Refusal.PairCapReached, "U0007|0"), "sv"));
    }
}
