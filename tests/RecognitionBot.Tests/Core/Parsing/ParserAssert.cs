using RecognitionBot.Core.Commands;

namespace RecognitionBot.Tests.Core.Parsing;

internal static class ParserAssert
{
    public static T Reads<T>(string text)
        where T : KudosCommand
    {
        var result = CommandParser.Parse(text);
        Assert.True(result.Ok, $"\"{text}\" was refused: {result.Error} ({result.Detail})");
        Assert.Null(result.Error);
        return Assert.IsType<T>(result.Command);
    }

    public static void Refuses(string text, ParseError error, string? detail = null)
    {
        var result = CommandParser.Parse(text);
        Assert.False(result.Ok, $"\"{text}\" was read as {result.Command}");
        Assert.Null(result.Command);
        Assert.Equal((error, detail), (result.Error!.Value, result.Detail));
    }
}
