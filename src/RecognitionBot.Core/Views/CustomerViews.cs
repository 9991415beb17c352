using RecognitionBot.Core.Kudos;

namespace RecognitionBot.Core.Views;

/// <summary>The lines a customer's compliment adds to a celebration and a DM: who it praises, how the customer came, the ticket.</summary>
public static class CustomerViews
{
    /// <summary>"A customer wrote about @ann (phone):", so phone and chat agents are seen alike.</summary>
    public static ViewLine Headline(Kudos.Kudos k, CustomerCompliment c, ViewText v) => c.Channel is { } channel
        ? v.Line(LineStyle.Strong, LineMark.Celebration, "Customer.Headline", v.People(k.PublicRecipients), v[$"Customer.Channel.{channel}"])
        : v.Line(LineStyle.Strong, LineMark.Celebration, "Customer.HeadlineNoChannel", v.People(k.PublicRecipients));

    public static ViewLine Received(CustomerCompliment c, ViewText v) => c.Channel is { } channel
        ? v.Line(LineStyle.Normal, LineMark.Star, "Customer.Received", v[$"Customer.Channel.{channel}"])
        : v.Line(LineStyle.Normal, LineMark.Star, "Customer.ReceivedNoChannel");

    /// <summary>The admin's answer to <c>integration add</c>: the URL, and the secret this once (a repeated delivery says it was shown).</summary>
    public static View Created(Integrations.IntegrationCreated created, ViewText v)
    {
        var i = created.Integration;
        var done = v.Line(LineStyle.Normal, LineMark.Success, "Integration.Created", ViewText.Typed(i.Name), new ConversationSpan(i.ChannelId),
            v.Points(i.Points));
        List<ViewBlock> body = [done, v.Line("Integration.Url", new CodeSpan(created.Url))];
        body.Add(created.Secret is { } secret
            ? v.Line(LineStyle.Normal, LineMark.Warning, "Integration.Secret", new CodeSpan(secret))
            : v.Line(LineStyle.Subtle, LineMark.None, "Integration.SecretShown"));
        body.Add(v.Line(LineStyle.Subtle, LineMark.None, "Integration.Signing"));
        return new View(body) { Title = v["Integration.Title"], Summary = done, Tone = ViewTone.Success };
    }

    public static View List(Integrations.IntegrationsView list, ViewText v)
    {
        List<ViewBlock> body = [Budget(new Integrations.BudgetView(list.Budget, null), v)];
        if (list.Integrations.Count == 0) body.Add(v.Line(LineStyle.Subtle, LineMark.None, "Integration.None"));
        body.AddRange(list.Integrations.Select(i => v.Line(LineStyle.ListItem, LineMark.None, "Integration.Line", ViewText.Typed(i.Name),
            new ConversationSpan(i.ChannelId), v.Points(i.Points), new CodeSpan(list.BaseUrl + i.Id))));
        return new View(body) { Title = v["Integration.ListTitle"], Summary = ViewLine.Text(v["Integration.ListTitle"]) };
    }

    /// <summary>The company budget left, and what it was when an admin just set it.</summary>
    public static ViewLine Budget(Integrations.BudgetView budget, ViewText v) => budget.Before is { } before
        ? v.Line(LineStyle.Normal, LineMark.Success, "Budget.Set", v.Points(budget.Left), v.Points(before))
        : v.Line("Budget.Left", v.Points(budget.Left));

    public static IEnumerable<ViewLine> Details(CustomerCompliment c, ViewText v)
    {
        if (c.BudgetPoints > 0) yield return v.Line(LineStyle.Normal, LineMark.Star, "Customer.Points", v.Points(c.BudgetPoints));
        var ticket = v.T.Format("Customer.Ticket", c.TicketId);
        yield return c.TicketLink is { } link
            ? new ViewLine(v.Compose("Customer.Source", ViewText.Typed(c.IntegrationName), new LinkSpan(link, ticket)), LineStyle.Subtle)
            : new ViewLine(v.Compose("Customer.Source", ViewText.Typed(c.IntegrationName), ViewText.Typed(ticket)), LineStyle.Subtle);
    }
}
