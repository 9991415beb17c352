using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Outbox;

namespace RecognitionBot.Teams.Cards;

public static partial class TeamsCards
{
    /// <summary>
    /// The giver's confirmation, for their eyes (the 1:1 chat when given in a channel or group chat). Recipients who
    /// chose privacy, and everyone in a private kudos, are named, never @mentioned: a mention notifies them.
    /// </summary>
    public static AdaptiveCard Given(KudosGiven given, CardContext c)
    {
        var k = given.Kudos;
        var t = c.Core;
        var recipients = t.List(k.Recipients.Select(r => k.PublicRecipients.Contains(r) ? c.Mention(r) : c.Name(r)).ToList());
        return c.Card(
        [
            Title(c.T["Given.Title"]),
            new TextBlock(t.Format("Given.Confirmation", recipients, t.Number(k.Points), t.Number(given.Allowance.Left), t.RenewalDay(given.Allowance.ResetsAt, c.Zone))),
            Quote(k.Message),
            .. k.Private ? [new TextBlock(t["Given.Private"]) { IsSubtle = true }] : Array.Empty<CardElement>(),
        ]);
    }

    /// <summary>The public celebration: giver and (public) recipients as real mentions, the points, the message, the values.</summary>
    public static AdaptiveCard Celebration(CelebrationPost post, CardContext c)
    {
        var k = post.Kudos;
        var t = c.Core;
        var body = new List<CardElement>
        {
            new TextBlock(c.T["Celebration.Title"]) { Size = TextSize.Large, Weight = TextWeight.Bolder, Color = TextColor.Accent },
            new TextBlock(t.Format("Celebration.Headline", c.Mention(k.Giver), c.Mentions(k.PublicRecipients), t.Number(k.Points))) { Weight = TextWeight.Bolder },
            Quote(k.Message),
        };
        if (k.Values.Count > 0) body.Add(new TextBlock(t.Format("Celebration.Values", CardText.Markdown(string.Join(" ", k.Values)))) { IsSubtle = true });
        body.AddRange(post.Milestones.Select(m => new TextBlock(Milestone(m, c))));
        return c.Card(body);
    }

    /// <summary>The recipient's private note: who, how many points, the message, the new balance.</summary>
    public static AdaptiveCard KudosReceived(KudosReceivedPost post, CardContext c)
    {
        var k = post.Kudos;
        var t = c.Core;
        var isPrivate = k.Private || k.PrivateRecipients.Contains(post.Recipient);
        return c.Card(
        [
            Title(c.T["Dm.Title"]),
            new TextBlock(t.Format("Dm.Received", c.Mention(k.Giver), t.Number(k.Points))),
            Quote(k.Message),
            .. k.Values.Count > 0 ? [new TextBlock(t.Format("Celebration.Values", CardText.Markdown(string.Join(" ", k.Values)))) { IsSubtle = true }] : Array.Empty<CardElement>(),
            new TextBlock(t.Format("Dm.Balance", t.Number(post.Available), t.Number(post.Earned))),
            .. isPrivate ? [new TextBlock(t["Dm.PrivateNote"]) { IsSubtle = true }] : Array.Empty<CardElement>(),
        ]);
    }

    private static string Milestone(Milestone m, CardContext c) => m.Kind switch
    {
        MilestoneKind.FirstKudos => c.Core.Format("Milestone.FirstKudos", c.Mention(m.Member)),
        _ => c.Core.Format("Milestone.HundredPoints", c.Mention(m.Member), c.Core.Number(m.Points)),
    };
}
