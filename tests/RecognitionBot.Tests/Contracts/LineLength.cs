using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Contracts;

/// <summary>
/// The .editorconfig's max_line_length for C#, kept: no .NET analyzer checks it (IDE0055 formats, it does not wrap),
/// so this test reads the number from the file and names every line of src/, tests/ and bench/ that is longer.
/// </summary>
public sealed class LineLength
{
    private static readonly string Root = Azurite.RepoRoot();

    [Fact]
    public void NoCSharpLineIsLongerThanTheEditorConfigSays()
    {
        var max = MaxLineLengthForCSharp(File.ReadAllLines(Path.Combine(Root, ".editorconfig")));
        var files = new[] { "src", "tests", "bench" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !Path.GetRelativePath(Root, f).Split(Path.DirectorySeparatorChar).Any(p => p is "obj" or "bin"))
            .ToList();
        var tooLong = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Root, f), Line: i + 1, line.Length)))
            .Where(l => l.Length > max)
            .Select(l => $"{l.File}:{l.Line} has {l.Length} characters")
            .ToList();

        Assert.NotEmpty(files);
        Assert.True(tooLong.Count == 0, $"Lines longer than max_line_length = {max}:\n{string.Join('\n', tooLong)}");
    }

    [Fact]
    public void TheLimitIsReadFromTheCSharpSection()
    {
        string[] config = ["root = true", "[*]", "max_line_length = 80", "[*.{cs,csx}]", "indent_size = 4", "max_line_length = 140", "[*.md]"];

        Assert.Equal(140, MaxLineLengthForCSharp(config));
        Assert.Throws<InvalidOperationException>(() => MaxLineLengthForCSharp(["[*.md]", "max_line_length = 100"]));
    }

    /// <summary>The last max_line_length in a section whose glob names .cs files (later sections win, as in EditorConfig).</summary>
    private static int MaxLineLengthForCSharp(IEnumerable<string> lines)
    {
        int? max = null;
        var inCSharp = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                inCSharp = line is "[*.cs]" || (line.StartsWith("[*.{") && line.TrimEnd(']')[4..].TrimEnd('}').Split(',').Contains("cs"));
                continue;
            }
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (inCSharp && parts is ["max_line_length", var value])
                max = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return max ?? throw new InvalidOperationException(".editorconfig has no max_line_length for *.cs.");
    }
}
