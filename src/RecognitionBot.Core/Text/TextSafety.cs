namespace RecognitionBot.Core.Text;

/// <summary>What is taken out of people's text before it is read, stored or posted.</summary>
public static class TextSafety
{
    /// <summary>
    /// Without the bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069): they make a
    /// posted text read differently from what was typed ("Trojan Source", CVE-2021-42574) and no kudos needs them.
    /// The marks U+200E/U+200F stay: Hebrew and Arabic text uses them, and they override nothing.
    /// </summary>
    public static string WithoutDirectionControls(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\u202A', '\u202E') < 0 && text.AsSpan().IndexOfAnyInRange('\u2066', '\u2069') < 0) return text;
        return string.Create(text.Length - text.Count(IsDirectionControl), text, (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
                if (!IsDirectionControl(c)) span[i++] = c;
        });
    }

    private static bool IsDirectionControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
