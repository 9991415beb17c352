using RecognitionBot.Core.Commands;

namespace RecognitionBot.Tests.Core.Parsing;

public sealed class ParsingSettings
{
    [Fact]
    public void ShowsTheSettingsWhenGivenNothingElse() =>
        Assert.Equal(new SettingsCommand(null, null), ParserAssert.Reads<SettingsCommand>("/kudos settings"));

    [Theory]
    [InlineData("settings private on", MemberSetting.Private, true)]
    [InlineData("settings private off", MemberSetting.Private, false)]
    [InlineData("settings dm on", MemberSetting.Dm, true)]
    [InlineData("Settings DM OFF", MemberSetting.Dm, false)]
    [InlineData("settings dms off", MemberSetting.Dm, false)]
    public void ChangesOneSetting(string text, MemberSetting setting, bool on) =>
        Assert.Equal(new SettingsCommand(setting, on), ParserAssert.Reads<SettingsCommand>(text));

    [Theory]
    [InlineData("settings private", "private")]
    [InlineData("settings private maybe", "private maybe")]
    [InlineData("settings email on", "email on")]
    [InlineData("settings dm on now", "dm on now")]
    [InlineData("settings on", "on")]
    public void RefusesAnythingElse(string text, string detail) =>
        ParserAssert.Refuses(text, ParseError.BadSetting, detail);
}
