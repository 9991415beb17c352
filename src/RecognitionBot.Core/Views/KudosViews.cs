using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Outbox;

namespace RecognitionBot.Core.Views;

/// <summary>A kudos as its giver, its channel and its recipients see it.</summary>
public static class KudosViews
{
    /// <summary>
    /// The giver's confirmation, for their eyes only. Recipients who chose privacy, and everyone in a private kudos,
    /// are named, never mentioned: a mention notifies them.
    /// </summary>
    public static View Given(KudosGiven given, ViewText v)
    {
        var k = given.Kudos;
        var recipients = v.List([.. k.Recipients.Select(r => v.Person(r, notify: k.PublicRecipients.Contains(r)))]);
        var confirmation = v.Line(LineStyle.Normal, LineMark.Success, "Given.Confirmation", recipients, v.Points(k.Points),
            v.Points(given.Allowance.Left), v.RenewalDay(given.Allowance.ResetsAt));
        List<ViewBlock> body = [confirmation, ViewLine.Quote(k.Message)];
        if (k.Private) body.Add(v.Line(LineStyle.Subtle, LineMark.Private, "Given.Private"));
        return new View(body) { Title = v["Given.Title"], Summary = confirmation, Tone = ViewTone.Success };
    }

    /// <summary>The public celebration: giver and public recipients as mentions, the points, the message, the values, the milestones.</summary>
    public static View Celebration(CelebrationPost post, ViewText v)
    {
        var k = post.Kudos;
        var headline = v.Line(
            LineStyle.Strong, LineMark.Celebration, "Celebration.Headline", v.Person(k.Giver), v.People(k.PublicRecipients), v.Points(k.Points));
        List<ViewBlock> body = [headline, ViewLine.Quote(k.Message)];
        if (Values(k, v) is { } values) body.Add(values);
        if (k.Link is { } link) body.Add(new ViewLine(v.Compose("Celebration.About", new LinkSpan(link, v["Composer.AboutLink"])), LineStyle.Subtle));
        body.AddRange(post.Milestones.Select(m => Milestone(m, v)));
        return new View(body) { Title = v["Celebration.Title"], Summary = headline, Tone = ViewTone.Celebration };
    }

    /// <summary>The recipient's private note: who, how many points, the message, their new balance.</summary>
    public static View Received(KudosReceivedPost post, ViewText v)
    {
        var k = post.Kudos;
        var headline = v.Line(LineStyle.Normal, LineMark.Star, "Dm.Received", v.Person(k.Giver), v.Points(k.Points));
        List<ViewBlock> body = [headline, ViewLine.Quote(k.Message)];
        if (Values(k, v) is { } values) body.Add(values);
        body.Add(v.Line("Dm.Balance", v.Points(post.Available), v.Points(post.Earned)));
        if (k.Private || k.PrivateRecipients.Contains(post.Recipient)) body.Add(v.Line(LineStyle.Subtle, LineMark.Private, "Dm.PrivateNote"));
        return new View(body) { Title = v["Dm.Title"], Summary = headline, Tone = ViewTone.Celebration };
    }

    public static ViewLine Milestone(Milestone m, ViewText v) => m.Kind switch
    {
        MilestoneKind.FirstKudos => v.Line("Milestone.FirstKudos", v.Person(m.Member)),
        _ => v.Line("Milestone.HundredPoints", v.Person(m.Member), v.Points(m.Points)),
    };

    private static ViewLine? Values(Kudos.Kudos k, ViewText v) =>
        k.Values.Count == 0 ? null : v.Line(LineStyle.Subtle, LineMark.None, "Celebration.Values", ViewText.Typed(string.Join(" ", k.Values)));
}
