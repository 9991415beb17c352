using System.Text.Json;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Slack;
using RecognitionBot.Teams;
using RecognitionBot.Teams.Cards;
using RecognitionBot.Tests.Teams.Fakes;

namespace RecognitionBot.Tests.Core.Views;

/// <summary>Each surface escapes each span type once, its own way: typed words never become markup, mentions or pings.</summary>
public sealed class MappingSpans
{
    private static readonly MemberId Bob = new("U0002"), Ghost = new("U0404");
    private const string Hostile = "<!here> *b* _i_ [l](x) `c` & <at>All</at>";

    private static View Line(params Span[] spans) => new([new ViewLine(spans)]);

    private static string Slack(params Span[] spans) => SlackViews.Mrkdwn(spans);

    private static AdaptiveCard Teams(View view) => TeamsCards.Render(view, new CardContext(TeamsTexts.For("en"),
        new Dictionary<MemberId, TeamsPerson> { [Bob] = new("aad-bob", "Bob *B*") }, conversations: new Dictionary<string, string> { ["19:c"] = "Ops_team" }));

    private static string TeamsText(params Span[] spans) => First(Teams(Line(spans)).ToJson());

    private static string First(JsonElement card) => card.GetProperty("body")[0].GetProperty("text").GetString()!;

    [Fact]
    public void SlackEscapesOurWordsAndTypedWordsButKeepsOurQuotedCommands()
    {
        Assert.Equal("a &lt; b &amp; `/kudos help`", Slack(new TextSpan("a < b & `/kudos help`")));
        Assert.Equal("&lt;!here&gt; *b* _i_ [l](x) `c` &amp; &lt;at&gt;All&lt;/at&gt;", Slack(new UserTextSpan(Hostile)));
    }

    [Fact]
    public void SlackWritesPeopleAsMentionsAndChannelsAsLinksOnlyForRealIds()
    {
        Assert.Equal("<@U0002> in <#C0001>", Slack(new MentionSpan(Bob, "someone"), new TextSpan(" in "), new ConversationSpan("C0001")));
        Assert.Equal("#&lt;!here&gt;", Slack(new ConversationSpan("<!here>")));
        Assert.Equal("someone", Slack(new UnknownPersonSpan("someone")));
    }

    [Fact]
    public void SlackCodeCannotBeClosedByATypedBacktick() => Assert.Equal("`a'b &lt;x&gt;`", Slack(new CodeSpan("a`b <x>")));

    [Fact]
    public void SlackQuotesAreRichTextWithTheCoresMentionsOnly()
    {
        var message = SlackViews.Render(new View([ViewLine.Quote("thanks <@U0003> <!here>")]));
        var json = JsonSerializer.Serialize(message, SlackJson.Options);

        using var doc = JsonDocument.Parse(json);
        var elements = doc.RootElement.GetProperty("blocks")[0].GetProperty("elements")[0].GetProperty("elements");
        Assert.Equal("rich_text_quote", doc.RootElement.GetProperty("blocks")[0].GetProperty("elements")[0].GetProperty("type").GetString());
        Assert.Equal(["text", "user", "text"], elements.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("U0003", elements[1].GetProperty("user_id").GetString());
        Assert.DoesNotContain("<!here>", json);
    }

    [Fact]
    public void TeamsEscapesTypedMarkdownAndBreaksTypedMentionTags()
    {
        var text = TeamsText(new UserTextSpan(Hostile));

        Assert.Contains(@"\*b\* \_i\_ \[l\](x) \`c\`", text);
        Assert.DoesNotMatch("<[aA][tT]>", text);
    }

    [Fact]
    public void TeamsKeepsOurSpacingAndSetsOurQuotedCommandsInBold() =>
        Assert.Equal("+5 from **@Kudos help** a\\_b", TeamsText(new TextSpan("+5 from `@Kudos help` a_b")));

    [Fact]
    public void TeamsMentionsKnownPeopleAndDeclaresThemAsEntities()
    {
        var card = Teams(Line(new MentionSpan(Bob, "someone"))).ToJson();

        Assert.Equal("<at>Bob B</at>", First(card));
        Assert.Equal([("aad-bob", "<at>Bob B</at>")], card.Mentions());
    }

    [Fact]
    public void TeamsNamesWithoutMentioningWhenAMentionWouldNotifyOrIsImpossible()
    {
        var quiet = Teams(Line(new MentionSpan(Bob, "someone", Notify: false))).ToJson();
        var unknown = Teams(Line(new MentionSpan(Ghost, "qualcuno"))).ToJson();

        Assert.Equal(@"Bob \*B\*", First(quiet));
        Assert.Empty(quiet.Mentions());
        Assert.Equal("qualcuno", First(unknown));
        Assert.Empty(unknown.Mentions());
    }

    [Fact]
    public void TeamsWritesConversationsByNameAndCodeInBold() =>
        Assert.Equal(@"Ops\_team **coffee\_1**", TeamsText(new ConversationSpan("19:c"), new TextSpan(" "), new CodeSpan("coffee_1")));

    [Fact]
    public void TeamsQuotesAreTextRunsThatNeverReadAsMarkup()
    {
        var card = Teams(new View([ViewLine.Quote("**save** <at>All</at>")])).ToJson();

        var run = card.GetProperty("body")[0];
        Assert.Equal("RichTextBlock", run.GetProperty("type").GetString());
        Assert.StartsWith("**save** <\u2060at>", run.GetProperty("inlines")[0].GetProperty("text").GetString());
        Assert.Empty(card.Mentions());
    }
}
