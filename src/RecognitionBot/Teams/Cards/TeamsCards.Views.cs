using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Text;

namespace RecognitionBot.Teams.Cards;

public static partial class TeamsCards
{
    public static AdaptiveCard Balance(BalanceView view, CardContext c)
    {
        var t = c.Core;
        var body = new List<CardElement>
        {
            Title(t["Balance.Title"]),
            new TextBlock(t.Format("Balance.Allowance", t.Number(view.Allowance.Left), t.Number(view.Allowance.Limit), t.RenewalDay(view.Allowance.ResetsAt, c.Zone))),
            new TextBlock(t.Format("Balance.Points", t.Number(view.Balance.Available), t.Number(view.Balance.Held), t.Number(view.Balance.Earned))),
            new TextBlock(t["Balance.Recent"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
        };
        if (view.RecentKudos.Count == 0) body.Add(new TextBlock(t["Balance.NoneYet"]) { IsSubtle = true });
        foreach (var m in view.RecentKudos)
            body.Add(new TextBlock(t.Format("Balance.RecentLine", t.Number(m.Points),
                m.Counterparty is { } from ? c.Mention(from) : c.T["Unknown"], CardText.Markdown(m.Note ?? ""))));
        return c.Card(body);
    }

    public static AdaptiveCard Leaderboard(LeaderboardView view, CardContext c)
    {
        var t = c.Core;
        var period = t[$"Leaderboard.{view.Period}"];
        if (view.Entries.Count == 0) return c.Card([Title(t.Format("Leaderboard.Title", period)), new TextBlock(t.Format("Leaderboard.Empty", period))]);
        var rows = view.Entries.Select((e, i) =>
        {
            var line = t.Format("Leaderboard.Line", i + 1, c.Mention(e.Member), t.Number(e.Kudos), t.Number(e.Points));
            if (e.TopValue is { } value) line += " · " + t.Format("Leaderboard.TopValue", CardText.Markdown(value));
            return (CardElement)new TextBlock(line) { Weight = i == 0 ? TextWeight.Bolder : null };
        });
        return c.Card([Title(t.Format("Leaderboard.Title", period)), .. rows]);
    }

    public static AdaptiveCard History(HistoryView view, CardContext c)
    {
        var t = c.Core;
        if (view.Movements.Count == 0) return c.Card([Title(t["History.Title"]), new TextBlock(t["History.Empty"])]);
        var lines = view.Movements.Select(m =>
        {
            var points = t.Number(m.Points);
            var note = CardText.Markdown(m.Note ?? "");
            var text = m.Kind switch
            {
                MovementKind.Received => t.Format("History.Received", points, m.Counterparty is { } from ? c.Mention(from) : c.T["Unknown"]),
                MovementKind.Given => m.Counterparty is { } to ? t.Format("History.GivenTo", points, c.Mention(to)) : t.Format("History.Given", points),
                MovementKind.Held => t.Format("History.Held", points, note),
                MovementKind.Released => t.Format("History.Released", points, note),
                _ => t.Format("History.Spent", points, note),
            };
            return (CardElement)new ColumnSet(
            [
                new Column([new TextBlock(t.Day(m.At, c.Zone)) { IsSubtle = true }]) { Width = "auto" },
                new Column([new TextBlock(text)]) { Width = "stretch" },
            ]);
        });
        return c.Card([Title(t["History.Title"]), .. lines]);
    }

    public static AdaptiveCard AuditLog(AuditLogView view, CardContext c)
    {
        var t = c.Core;
        var title = Title(t.Format("Audit.Title", t.Number(view.Entries.Count)));
        if (view.Entries.Count == 0) return c.Card([title, new TextBlock(t["Audit.Empty"])]);
        var lines = view.Entries.Select(e => (CardElement)new ColumnSet(
        [
            new Column([new TextBlock(t.When(e.At, c.Zone)) { IsSubtle = true }]) { Width = "auto" },
            new Column([new TextBlock(AuditText.Sentence(e, t, c.Mention, CardText.Markdown))]) { Width = "stretch" },
        ]));
        return c.Card([title, .. lines]);
    }

    public static AdaptiveCard Help(HelpView view, CardContext c)
    {
        var t = c.Core;
        return c.Card(
        [
            Title(t["Help.Title"]),
            new TextBlock(CardText.Catalogue(t["Help.Give"])),
            new TextBlock(t.Format("Help.Rules", t.Number(view.Allowance), t[$"Period.{view.Period}"], t.Number(view.DefaultPoints),
                t.Number(view.MaxPoints), t.Number(view.MaxRecipients), t.Number(view.PairDailyCap))),
            new TextBlock(t.Format("Help.Values", CardText.Markdown(string.Join(" ", view.Values)))),
            new TextBlock(CardText.Catalogue(t["Help.Commands"])) { IsSubtle = true },
            new TextBlock(CardText.Catalogue(t["Help.Admin"])) { IsSubtle = true },
            new TextBlock(t.Format("Example.Line", CardText.Markdown(t["Example.Give"]))) { IsSubtle = true },
        ]);
    }

    /// <summary>The weekly digest of a team's channel (and the preview for one person).</summary>
    public static AdaptiveCard Digest(WeeklyDigest digest, CardContext c)
    {
        var t = c.Core;
        var title = Title(t.Format("Digest.Title", $"{t.Day(digest.From, c.Zone)} – {t.Day(digest.To.AddTicks(-1), c.Zone)}"));
        if (digest.IsEmpty) return c.Card([title, new TextBlock(CardText.Catalogue(t["Digest.Empty"]))]);

        var body = new List<CardElement>
        {
            title,
            new TextBlock(t.Format("Digest.Summary", t.Number(digest.KudosCount), t.Number(digest.Points), t.Number(digest.PeopleRecognised))),
        };
        if (digest.TopRecipients.Count > 0)
        {
            body.Add(new TextBlock(t["Digest.TopRecipients"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            body.AddRange(digest.TopRecipients.Select(r => new TextBlock(t.Format("Digest.RecipientLine", c.Mention(r.Member), t.Number(r.Kudos), t.Number(r.Points)))));
        }
        if (digest.TopValues.Count > 0)
        {
            body.Add(new TextBlock(t["Digest.TopValues"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            body.Add(new TextBlock(string.Join(" · ", digest.TopValues.Select(v => $"{CardText.Markdown(v.Key)} ({t.Number(v.Value)})"))));
        }
        if (digest.Highlights.Count > 0)
        {
            body.Add(new TextBlock(t["Digest.Highlights"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            foreach (var h in digest.Highlights)
            {
                body.Add(new TextBlock(t.Format("Celebration.Headline", c.Mention(h.Giver), c.Mentions(h.Recipients), t.Number(h.Points))));
                body.Add(Quote(h.Message));
            }
        }
        if (digest.FirstTimeRecipients.Count > 0)
        {
            body.Add(new TextBlock(t["Digest.FirstTimers"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            body.Add(new TextBlock(c.Mentions(digest.FirstTimeRecipients)));
        }
        return c.Card(body);
    }

    /// <summary>The private note to managers and approvers: who in a team has not been recognised lately.</summary>
    public static AdaptiveCard Gaps(RecognitionGapsPost post, CardContext c, string? conversationName = null)
    {
        var t = c.Core;
        var where = CardText.Markdown(conversationName ?? post.ConversationId);
        if (post.Members.Count == 0)
            return c.Card([Title(t["Gaps.Title"]), new TextBlock(t.Format("Gaps.None", where, t.Number(post.Weeks)))]);
        return c.Card(
        [
            Title(t["Gaps.Title"]),
            new TextBlock(t.Format("Gaps.Text", where, t.Number(post.Weeks))),
            new TextBlock(c.Mentions(post.Members) + (post.More > 0 ? " " + c.T.Format("Gaps.More", t.Number(post.More)) : "")),
            new TextBlock(c.T["Gaps.Footer"]) { IsSubtle = true },
        ]);
    }

    /// <summary>A private note that a post could not be made, and what to do about it.</summary>
    public static AdaptiveCard Undelivered(UndeliveredPost post, CardContext c, string? conversationName = null)
    {
        var text = post.Reason == UndeliveredReason.CelebrationNotPosted
            ? c.Core.Format("Undelivered.CelebrationNotPosted", CardText.Markdown(conversationName ?? post.ConversationId ?? ""))
            : c.Core.Format($"Undelivered.{post.Reason}", CardText.Markdown(post.RewardName ?? ""), post.Unreachable is { } who ? c.Mention(who) : "");
        return c.Card([new TextBlock(text) { Color = TextColor.Attention }]);
    }
}
