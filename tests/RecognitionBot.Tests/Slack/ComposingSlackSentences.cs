using RecognitionBot.Core.Workspaces;
using RecognitionBot.Slack;

namespace RecognitionBot.Tests.Slack;

/// <summary>A sentence's members become real mentions; everything a user typed stays literal text.</summary>
public sealed class ComposingSlackSentences
{
    [Fact]
    public void MembersBecomeMentionsAndTypedMarkupStaysText()
    {
        var line = SlackMarkup.Line(m => $"{m(new MemberId("U1"))} thanked {m(new MemberId("U2"))}: <!here> & <@U9>");

        Assert.Equal("<@U1> thanked <@U2>: &lt;!here&gt; &amp; &lt;@U9&gt;", line);
    }

    [Fact]
    public void TypedPlaceholderLookalikesNeitherPingNorSwallowARealMention()
    {
        // Control characters and a made-up nonce, as a user could paste them, around the real placeholders.
        var forged = "\u0001" + new string('a', 32) + "U7\u0002";
        var unterminated = "\u0001" + new string('b', 32) + "U8 ";

        var line = SlackMarkup.Line(m => $"{unterminated}{m(new MemberId("U1"))} {forged} {m(new MemberId("U2"))}");

        Assert.Equal($"{unterminated}<@U1> {forged} <@U2>", line);
    }
}
