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
        // "each" only when there are several.
        var confirmation = v.Line(LineStyle.Normal, LineMark.Success, k.Recipients.Count == 1 ? "Given.ConfirmationOne" : "Given.Confirmation", recipients,
            v.Points(k.Points),
            v.Points(given.Allowance.Left), v.RenewalDay(given.Allowance.ResetsAt));
        List<ViewBlock> body = [confirmation, ViewLine.Quote(k.Message)];
        if (k.Private) body.Add(v.Line(LineStyle.Subtle, LineMark.Private, "Given.Private"));
        // Offered on the confirmation only: the giver's eyes alone, and the window (decided by the core) is short.
        return new View(body)
        {
            Title = v["Given.Title"],
            Summary = confirmation,
            Tone = ViewTone.Success,
            Actions = [new ViewAction(ViewVerbs.Undo, v["Given.Undo"], k.Ref)],
        };
    }

    /// <summary>The adder's answer: how many points each recipient got from them, and their allowance left.</summary>
    public static View AddedOn(AddOnGiven added, ViewText v)
    {
        var k = added.Kudos;
        var line = v.Line(LineStyle.Normal, LineMark.Success, k.PublicRecipients.Count == 1 ? "AddOn.DoneOne" : "AddOn.Done", v.People(k.PublicRecipients),
            v.Points(added.Points),
            v.Points(added.Allowance.Left), v.RenewalDay(added.Allowance.ResetsAt));
        return new View([line, ViewLine.Quote(k.Message)]) { Summary = line, Tone = ViewTone.Success };
    }

    /// <summary>The giver's answer to an undo: the points are back, the posts say it was withdrawn.</summary>
    public static View Undone(KudosUndone undone, ViewText v)
    {
        var line = v.Line(LineStyle.Normal, LineMark.Withdrawn, "Undo.Done", v.Points(undone.Kudos.Total), v.Points(undone.Allowance.Left));
        return new View([line, ViewLine.Quote(undone.Kudos.Message)]) { Summary = line };
    }

    /// <summary>The public celebration: giver and public recipients as mentions, the points, the message, the values, the milestones.</summary>
    public static View Celebration(CelebrationPost post, ViewText v)
    {
        var k = post.Kudos;
        if (k.Withdrawn) return Withdrawn(k, v);
        var headline = k.Customer is { } customer
            ? CustomerViews.Headline(k, customer, v)
            : v.Line(LineStyle.Strong, LineMark.Celebration, "Celebration.Headline", v.Person(k.Giver), v.People(k.PublicRecipients), v.Points(k.Points));
        List<ViewBlock> body = [headline];
        if (k.Message.Length > 0) body.Add(ViewLine.Quote(k.Message));
        if (k.Customer is { } compliment) body.AddRange(CustomerViews.Details(compliment, v));
        if (Values(k, v) is { } values) body.Add(values);
        if (k.Link is { } link) body.Add(new ViewLine(v.Compose("Celebration.About", new LinkSpan(link, v["Composer.AboutLink"])), LineStyle.Subtle));
        body.AddRange(post.Milestones.Select(m => Milestone(m, v)));
        if (k.AddOns.Count > 0)
            body.Add(v.Line(LineStyle.Normal, LineMark.Star, "Celebration.AddOns", v.Points(k.AddOns.Sum(a => a.Points)),
                v.People([.. k.AddOns.Select(a => a.Adder).Distinct()])));
        // Anyone may add on; the core refuses the giver and the recipients (with why), so the button is the same for all.
        var addOn = new ViewAction(ViewVerbs.AddOn, v["AddOn.Button"], k.Ref)
        {
            Amount = new AmountInput(v["AddOn.Points"], [.. AddOnPresets.Select(p => new AmountChoice(p, v.T.Format("AddOn.Preset", v.T.Number(p))))], 1, 5,
                v["AddOn.Confirm"], v["AddOn.PointsMissing"]),
        };
        return new View(body)
        {
            Title = v[k.Customer is null ? "Celebration.Title" : "Customer.Title"],
            Summary = headline,
            Tone = ViewTone.Celebration,
            Actions = [addOn],
        };
    }

    /// <summary>The points an add-on offers at one click where a surface has buttons rather than a number field.</summary>
    public static readonly IReadOnlyList<int> AddOnPresets = [1, 5, 10];

    /// <summary>A celebration or DM of a kudos its giver undid: it says so, and no longer shows the message or buttons.</summary>
    public static View Withdrawn(Kudos.Kudos k, ViewText v)
    {
        var line = v.Line(LineStyle.Subtle, LineMark.Withdrawn, "Celebration.Withdrawn", GiverOf(k, v, notify: false));
        return new View([line]) { Summary = line };
    }

    /// <summary>A recipient's note that someone added points to a kudos they got.</summary>
    public static View AddOnReceived(AddOnReceivedPost post, ViewText v)
    {
        var k = post.Kudos;
        var headline = v.Line(LineStyle.Normal, LineMark.Star, "Dm.AddOn", v.Person(post.Adder), v.Points(post.Points), GiverOf(k, v, notify: false));
        List<ViewBlock> body = [headline, ViewLine.Quote(k.Message), v.Line("Dm.Balance", v.Points(post.Available), v.Points(post.Earned))];
        return new View(body) { Title = v["Dm.Title"], Summary = headline, Tone = ViewTone.Celebration };
    }

    /// <summary>The recipient's private note: who, how many points, the message, their new balance.</summary>
    public static View Received(KudosReceivedPost post, ViewText v)
    {
        var k = post.Kudos;
        if (k.Withdrawn) return Withdrawn(k, v);
        var headline = k.Customer is { } customer
            ? CustomerViews.Received(customer, v)
            : v.Line(LineStyle.Normal, LineMark.Star, "Dm.Received", v.Person(k.Giver), v.Points(k.Points));
        List<ViewBlock> body = [headline];
        if (k.Message.Length > 0) body.Add(ViewLine.Quote(k.Message));
        if (k.Customer is { } compliment) body.AddRange(CustomerViews.Details(compliment, v));
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

    /// <summary>Who gave it: a colleague as a mention, or "a customer" for a compliment from a helpdesk.</summary>
    private static Span GiverOf(Kudos.Kudos k, ViewText v, bool notify) =>
        k.Customer is null ? v.Person(k.Giver, notify) : new TextSpan(v["Customer.Someone"]);

    private static ViewLine? Values(Kudos.Kudos k, ViewText v) =>
        k.Values.Count == 0 ? null : v.Line(LineStyle.Subtle, LineMark.None, "Celebration.Values", ViewText.Typed(string.Join(" ", k.Values)));
}
