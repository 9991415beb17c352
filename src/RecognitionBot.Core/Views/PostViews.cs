using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Outbox;

namespace RecognitionBot.Core.Views;

/// <summary>Every post the outbox makes as one view, in its reader's language.</summary>
public static class PostViews
{
    public static View For(OutboxPost post, ViewText v) => post switch
    {
        CelebrationPost celebration => KudosViews.Celebration(celebration, v),
        KudosReceivedPost received => KudosViews.Received(received, v),
        AddOnReceivedPost addOn => KudosViews.AddOnReceived(addOn, v),
        ApprovalRequestPost request => RedemptionViews.Approval(request.Redemption, request.RequesterAvailable, v),
        ApprovalUpdatePost update => RedemptionViews.Approval(update.Redemption, update.RequesterAvailable, v),
        RedemptionNoticePost notice => RedemptionViews.Notice(notice, v),
        DigestPost digest => Digest(digest.Digest, v.In(Workspaces.Clock.FindZone(digest.TimeZone))),
        RecognitionGapsPost gaps => Gaps(gaps, v),
        UndeliveredPost undelivered => Undelivered(undelivered, v),
        AwardCardPost card => AwardViews.Card(card.Award, v),
        AwardCelebrationPost celebration => AwardViews.Celebration(celebration.Award, v),
        AwardWonPost won => AwardViews.Won(won.Award, v),
        _ => throw new NotSupportedException($"No view for {post.GetType().Name}."),
    };

    /// <summary>The weekly digest of a channel (and the preview for one person). Its dates are in the digest's own zone.</summary>
    public static View Digest(WeeklyDigest digest, ViewText v)
    {
        var title = v.T.Format("Digest.Title", $"{v.T.Day(digest.From, v.Zone)} – {v.T.Day(digest.To.AddTicks(-1), v.Zone)}");
        if (digest.IsEmpty) return new View([v.Line("Digest.Empty")]) { Title = title, Summary = ViewLine.Text(title) };

        List<ViewBlock> body = [v.Line("Digest.Summary", v.Points(digest.KudosCount), v.Points(digest.Points), v.Points(digest.PeopleRecognised))];
        if (digest.TopRecipients.Count > 0)
        {
            body.Add(v.Line(LineStyle.Heading, LineMark.None, "Digest.TopRecipients"));
            body.AddRange(digest.TopRecipients.Select(r =>
                v.Line(LineStyle.ListItem, LineMark.None, "Digest.RecipientLine", v.Person(r.Member), v.Points(r.Kudos), v.Points(r.Points))));
        }
        if (digest.TopValues.Count > 0)
        {
            body.Add(v.Line(LineStyle.Heading, LineMark.None, "Digest.TopValues"));
            var values = new List<Span>();
            foreach (var (value, count) in digest.TopValues)
            {
                if (values.Count > 0) values.Add(new TextSpan(" · "));
                values.Add(ViewText.Typed(value));
                values.Add(new TextSpan($" ({v.T.Number(count)})"));
            }
            body.Add(new ViewLine(values, LineStyle.ListItem));
        }
        if (digest.Highlights.Count > 0)
        {
            body.Add(v.Line(LineStyle.Heading, LineMark.None, "Digest.Highlights"));
            foreach (var h in digest.Highlights)
            {
                Span giver = h.Giver == Kudos.CustomerCompliment.Giver ? new TextSpan(v["Customer.Someone"]) : v.Person(h.Giver);
                body.Add(v.Line("Celebration.Headline", giver, v.People(h.Recipients), v.Points(h.Points)));
                body.Add(ViewLine.Quote(h.Message));
            }
        }
        if (digest.FirstTimeRecipients.Count > 0)
        {
            body.Add(v.Line(LineStyle.Heading, LineMark.NewFaces, "Digest.FirstTimers"));
            body.Add(new ViewLine(v.People(digest.FirstTimeRecipients), LineStyle.ListItem));
        }
        return new View(body) { Title = title, Summary = ViewLine.Text(title) };
    }

    /// <summary>How many people of a gaps note get their own "Send a surprise kudos" button.</summary>
    public const int SurpriseButtons = 20;

    /// <summary>The private note to managers and approvers: who in a channel has gone unrecognised.</summary>
    public static View Gaps(RecognitionGapsPost post, ViewText v)
    {
        var where = new ConversationSpan(post.ConversationId);
        if (post.Members.Count == 0) return new View([v.Line("Gaps.None", where, v.Points(post.Weeks))]) { Title = v["Gaps.Title"] };
        var intro = v.Line("Gaps.Text", where, v.Points(post.Weeks));
        // The first people each with "Send a surprise kudos" (the composer, them chosen, from the reader's manager
        // allowance); Slack's 50 blocks a message bound how many; the others are listed after them.
        List<ViewBlock> body = [intro, .. post.Members.Take(SurpriseButtons).Select(m => (ViewBlock)new ViewItem(
            [new ViewLine([v.Person(m)])], new ViewAction(ViewVerbs.Compose, v["Gaps.Surprise"], ViewVerbs.ComposeFor(m))))];
        if (post.Members.Count > SurpriseButtons)
            body.Add(new ViewLine(ViewText.Joined(post.Members.Skip(SurpriseButtons).Select(m => (Span)v.Person(m)), ", ")));
        if (post.More > 0) body.Add(v.Line(LineStyle.Subtle, LineMark.None, "Gaps.More", v.Points(post.More)));
        body.Add(v.Line(LineStyle.Subtle, LineMark.None, "Gaps.Footer"));
        return new View(body) { Title = v["Gaps.Title"], Summary = intro };
    }

    /// <summary>A private note that a post could not be made, and what to do about it.</summary>
    public static View Undelivered(UndeliveredPost post, ViewText v)
    {
        var line = post.Reason == UndeliveredReason.CelebrationNotPosted
            ? v.Line(LineStyle.Normal, LineMark.Warning, "Undelivered.CelebrationNotPosted", new ConversationSpan(post.ConversationId ?? ""))
            : v.Line(LineStyle.Normal, LineMark.Warning, $"Undelivered.{post.Reason}", ViewText.Typed(post.RewardName),
                post.Unreachable is { } who ? v.Person(who) : new TextSpan(""));
        return new View([line]) { Tone = ViewTone.Problem };
    }
}
