using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Integrations;

/// <summary>What a customer's compliment needs from storage: the agent's row, the company budget left, the id drawn for it.</summary>
public sealed record CustomerKudosState(MemberRow Agent, int BudgetLeft, string KudosId);

public sealed record CustomerKudosDecision(
    MemberRow Agent, int BudgetLeft, Kudos.Kudos Kudos, IReadOnlyList<HistoryRow> History, IReadOnlyList<OutgoingPost> Posts, CustomerKudosGiven Result);

/// <summary>
/// A customer's compliment: a kudos from "a customer" to the agent, celebrated in the integration's channel (unless the
/// agent chose private celebrations) with the add-on button, and a DM to the agent. Its points come from the company
/// budget, never from anyone's allowance, and only when the budget covers them whole; otherwise it is celebrated
/// without points. An agent who has left receives nothing.
/// </summary>
public static class CustomerKudosDecider
{
    public static Decided<CustomerKudosDecision> Decide(CustomerKudosState state, CustomerKudosRequest request, DateTimeOffset now)
    {
        var before = state.Agent;
        if (before.HasLeft) return new Refused(Refusal.LeaverRecipient, before.Member.Value);
        var integration = request.Integration;
        var settings = request.Settings;
        var points = integration.Points > 0 && state.BudgetLeft >= integration.Points ? integration.Points : 0;
        var rating = request.Rating;
        List<MemberId> privately = before.PrivateCelebrations ? [before.Member] : [];
        List<MemberId> firstTime = before.KudosReceived == 0 ? [before.Member] : [];
        var kudos = new Kudos.Kudos(state.KudosId, integration.Workspace, CustomerCompliment.Giver, [before.Member], points, request.Message, [],
            new ConversationRef(integration.ChannelId, ConversationKind.Channel, integration.TeamId), now, Private: false, privately, firstTime)
        {
            Customer = new CustomerCompliment(integration.Id, integration.Name, rating.TicketId, rating.TicketLink, rating.Channel, points),
        };
        var publicly = kudos.PublicRecipients.Count > 0;
        var reached = Milestones.Reached(before, points);
        var agent = before with
        {
            Earned = before.Earned + points,
            KudosReceived = before.KudosReceived + 1,
            FirstKudosAt = before.KudosReceived == 0 ? now : before.FirstKudosAt,
            LastKudosAt = now,
            PublicKudosReceived = before.PublicKudosReceived + (publicly ? 1 : 0),
            PublicPointsReceived = before.PublicPointsReceived + (publicly ? points : 0),
        };
        var note = Text.TextLimits.Shorten(request.Message, Kudos.Give.GiveDecider.HistoryNoteLength);
        HistoryRow[] history = [new(agent.Member, new Movement(now, MovementKind.Customer, points, state.KudosId, null, note))];

        var posts = new List<OutgoingPost>(2);
        if (publicly)
            posts.Add(new OutgoingPost(new ToConversation(integration.ChannelId, integration.TeamId),
                new CelebrationPost(kudos, reached) { Locale = settings.DefaultLocale }));
        if (!(agent.DirectMessagesOff && publicly))
            posts.Add(new OutgoingPost(new ToMember(agent.Member),
                new KudosReceivedPost(kudos, agent.Member, agent.Balance.Available, agent.Earned) { Locale = agent.Locale ?? settings.DefaultLocale }));
        return new CustomerKudosDecision(agent, state.BudgetLeft - points, kudos, history, posts, new CustomerKudosGiven(kudos, points));
    }
}
