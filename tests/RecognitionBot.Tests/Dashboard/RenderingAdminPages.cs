using System.Xml.Linq;
using RecognitionBot.Core.Dashboard;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Dashboard.Admin;

namespace RecognitionBot.Tests.Dashboard;

/// <summary>The admin pages as pure renderers: typed words always encoded, charts that read without script, every field labelled.</summary>
public sealed class RenderingAdminPages
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static AdminHtml Html(string locale = "en") =>
        new(Texts.For(locale), TimeZoneInfo.Utc, new Dictionary<MemberId, string> { [new MemberId("U1")] = "<b>Ann</b>" },
            new AntiforgeryField("__rvt", "tok\"en"));

    [Fact]
    public void ARewardNameWithMarkupIsShownAsText()
    {
        var html = CatalogPage.Render([new Reward("x", "<script>alert(1)</script>", 10, 3, 0, true, null)], Html());

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("value=\"tok&quot;en\"", html);
    }

    [Fact]
    public void EveryFieldOfTheCatalogHasItsLabel()
    {
        var html = CatalogPage.Render([new Reward("x", "Coffee", 10, 3, 0, true, null), new Reward("y", "Lunch", 10, null, 0, true, 2)], Html("it"));

        var ids = System.Text.RegularExpressions.Regex.Matches(html, "<(?:input|select) id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Contains($"<label for=\"{id}\">", html));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("Rifornisci", html);
        // Only the stocked reward can be restocked.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "name=\"quantity\""));
    }

    [Fact]
    public void AChartIsAnSvgImageWithTitleDescriptionAndLabelledBars()
    {
        var svg = SvgBarChart.Render("c", "Kudos per week", "Same numbers in the table.", "Kudos",
            [new SvgBarChart.Bar("<w1>", 3, "3"), new SvgBarChart.Bar("w2", 0, "0")], System.Globalization.CultureInfo.GetCultureInfo("sv"));

        var doc = XElement.Parse(svg);
        XNamespace none = "";
        Assert.Equal(("img", "c-title c-desc"), ((string?)doc.Attribute("role"), (string?)doc.Attribute("aria-labelledby")));
        Assert.Equal("Kudos per week", doc.Element(none + "title")!.Value);
        Assert.Equal(2, doc.Elements("rect").Count());
        Assert.Contains(doc.Elements("text"), t => t.Value == "<w1>");
        Assert.Contains(doc.Elements("rect"), r => r.Element("title")!.Value == "<w1>: 3");
    }

    [Fact]
    public void TheOverviewHasATableBesideEachChartAndNamesNobody()
    {
        var view = OverviewBuilder.Build(
            [new RecognitionBot.Core.Kudos.Kudos("k", new WorkspaceId(Platform.Slack, "T"), new MemberId("U1"), [new MemberId("U2")], 10, "thanks",
                ["#teamwork"], new ConversationRef("C1", ConversationKind.Channel), Now.AddDays(-1), false, [])],
            [new MemberState(new MemberId("U1"), new MemberBalance(0, 0, 0), false, null, false, false, null, 0, null)],
            ["#teamwork"], Now, TimeZoneInfo.Utc);

        var html = OverviewPage.Render(view, Html());

        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(html, "<svg ").Count);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(html, "<table>").Count);
        Assert.Contains("<code>C1</code>", html);
        Assert.DoesNotContain("U2", html);
        Assert.Contains("Gave kudos: 1 of 1 person (100", html);
    }
}
