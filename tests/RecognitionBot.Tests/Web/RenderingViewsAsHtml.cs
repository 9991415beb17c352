using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Web;

namespace RecognitionBot.Tests.Web;

/// <summary>The core's views as HTML: every span escaped by its type, people by name, buttons as forms with the token.</summary>
public sealed class RenderingViewsAsHtml
{
    private static readonly MemberId Bob = new("U0002");

    private static HtmlTarget Target(params string[] verbs) =>
        new(new Dictionary<MemberId, string> { [Bob] = "Bob <Builder>" }, "/dashboard?handler=act", "token-123", new HashSet<string>(verbs));

    [Fact]
    public void TypedWordsAndQuotesAreEncodedAndOnlyTheCoresMentionsBecomeNames()
    {
        var view = new View(
        [
            new ViewLine([new TextSpan("Run `/kudos help` & see"), new UserTextSpan("<img src=x onerror=alert(1)>")]),
            ViewLine.Quote("<script>alert(1)</script> thanks <@U0002>"),
            new ViewLine([new LinkSpan("javascript:alert(1)", "the message"), new LinkSpan("https://acme.slack.com/archives/C1/p1", "link")]),
        ])
        { Title = "Kudos & more" };

        var html = DashboardHtml.Render(view, Target());

        Assert.Contains("<h2>Kudos &amp; more</h2>", html);
        Assert.Contains("Run <code>/kudos help</code> &amp; see", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("<blockquote>&lt;script&gt;alert(1)&lt;/script&gt; thanks <span class=\"person\">Bob &lt;Builder&gt;</span></blockquote>", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("<a href=\"https://acme.slack.com/archives/C1/p1\" rel=\"noopener noreferrer\">link</a>", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void AButtonBecomesAFormWithTheTokenItsVerbAndAReasonFieldWhenItAsksForOne()
    {
        var reject = new ViewAction(ViewVerbs.Reject, "Reject", "r-1\"x", ActionStyle.Danger) { Reason = new ReasonInput("Reason", "optional", 300, "Reject") };
        var view = new View([new ViewActions([reject, new ViewAction(ViewVerbs.Compose, "Give kudos", "home")])]);

        var html = DashboardHtml.Render(view, Target(ViewVerbs.Reject));

        Assert.Contains("<form method=\"post\" action=\"/dashboard?handler=act\" class=\"action\">", html);
        Assert.Contains("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"token-123\">", html);
        Assert.Contains("<input type=\"hidden\" name=\"verb\" value=\"reject\">", html);
        Assert.Contains("<input type=\"hidden\" name=\"subject\" value=\"r-1&quot;x\">", html);
        Assert.Contains("name=\"reason\" maxlength=\"300\"", html);
        Assert.Contains("<button type=\"submit\" class=\"danger\">Reject</button>", html);
        // A verb the page does not act on is not offered at all.
        Assert.DoesNotContain("Give kudos", html);
    }

    [Fact]
    public void APersonWithoutANameIsTheSpansUnknown()
    {
        var view = new View([new ViewLine([new MentionSpan(new MemberId("U0404"), "someone")])]);

        Assert.Contains("<span class=\"person\">someone</span>", DashboardHtml.Render(view, Target()));
    }
}
