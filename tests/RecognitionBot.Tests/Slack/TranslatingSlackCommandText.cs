using RecognitionBot.Slack;

namespace RecognitionBot.Tests.Slack;

public sealed class TranslatingSlackCommandText
{
    private static readonly Dictionary<string, string[]> Groups = new()
    {
        ["S0001"] = ["U0002", "U0003", "U0001"],
        ["S0002"] = ["U0003", "U0004"],
    };

    private static Task<string> Core(string escaped, string actor = "U0001") =>
        SlackCommandText.ToCoreAsync(escaped, actor, (g, _) => Task.FromResult<IReadOnlyList<string>>(Groups[g]), CancellationToken.None);

    [Theory]
    [InlineData("<@U0002|ann> +10 great save", "<@U0002> +10 great save")]
    [InlineData("<@U0002> +10 great save", "<@U0002> +10 great save")]
    [InlineData("<@W0ENTERPRISE|ann> thanks", "<@W0ENTERPRISE> thanks")]
    [InlineData("<@U0002|ann><@U0003|bob> thanks both", "<@U0002><@U0003> thanks both")]
    public async Task UserMentionsBecomeMemberMentions(string slack, string core) => Assert.Equal(core, await Core(slack));

    [Fact]
    public async Task AUserGroupBecomesItsMembersOnceEachWithoutTheGiver() =>
        Assert.Equal("<@U0002> <@U0003> <@U0004> thanks teams", await Core("<!subteam^S0001|@agents> <!subteam^S0002|@leads> thanks teams"));

    [Fact]
    public async Task AGroupMemberAlsoMentionedByNameIsNotAddedTwice() =>
        Assert.Equal("<@U0003> <@U0002> thanks", await Core("<@U0003|cy> <!subteam^S0001> thanks"));

    [Theory]
    [InlineData("<!channel> look", "@channel look")]
    [InlineData("<!here|here> look", "@here look")]
    [InlineData("<!here> look", "@here look")]
    [InlineData("<!everyone> look", "@everyone look")]
    [InlineData("<!date^1392734382^{date}|Feb 18th> shift", "Feb 18th shift")]
    public async Task SpecialMentionsBecomeWordsThatCannotPing(string slack, string core) => Assert.Equal(core, await Core(slack));

    [Theory]
    [InlineData("see <#C0001|support-floor>", "see #support-floor")]
    [InlineData("read <https://wiki.example/kb|the KB article>", "read the KB article (https://wiki.example/kb)")]
    [InlineData("read <https://wiki.example/kb>", "read https://wiki.example/kb")]
    [InlineData("mail <mailto:a@b.example|a@b.example>", "mail a@b.example (mailto:a@b.example)")]
    public async Task LinksBecomeTheirText(string slack, string core) => Assert.Equal(core, await Core(slack));

    [Theory]
    [InlineData("1 &lt; 2 &amp;&amp; 3 &gt; 2", "1 < 2 && 3 > 2")]
    [InlineData("typed &lt;@U0009&gt; by hand", "typed ‹@U0009> by hand")]
    [InlineData("typed &lt;!here&gt; by hand", "typed ‹!here> by hand")]
    public async Task TypedCharactersStayTextAndNeverBecomeMarkup(string slack, string core) => Assert.Equal(core, await Core(slack));
}
