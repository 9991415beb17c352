namespace RecognitionBot.Core.Text;

/// <summary>Where stored text is cut short: history notes and decision reasons, not the kudos message itself.</summary>
public static class TextLimits
{
    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
