using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Kudos;

/// <summary>One recognition as stored: who gave how many points to whom, why, where.</summary>
public sealed record Kudos(
    string Id,
    WorkspaceId Workspace,
    MemberId Giver,
    IReadOnlyList<MemberId> Recipients,
    int Points,
    string Message,
    IReadOnlyList<string> Values,
    ConversationRef Conversation,
    DateTimeOffset GivenAt,
    bool Private,
    IReadOnlyList<MemberId> PrivateRecipients,
    IReadOnlyList<MemberId>? FirstTimeRecipients = null)
{
    /// <summary>What the kudos was given for: the permalink of the message it was started from, if any.</summary>
    public string? Link { get; init; }

    /// <summary>A customer's compliment from a helpdesk, celebrated as such; the giver is then <see cref="CustomerCompliment.Giver"/>.</summary>
    public CustomerCompliment? Customer { get; init; }

    public int Total => Points * Recipients.Count;

    /// <summary>Points others added to this kudos from their own allowance, to its public recipients, in the order added.</summary>
    public IReadOnlyList<KudosAddOn> AddOns { get; init; } = [];

    /// <summary>Undone by its giver: the points went back, the posts say so, digests and leaderboards leave it out.</summary>
    public bool Withdrawn { get; init; }

    /// <summary>What each public recipient got in all: the giver's points and every add-on.</summary>
    public int PointsWithAddOns => Points + AddOns.Sum(a => a.Points);

    /// <summary>The handle buttons carry to find this kudos again (<see cref="KudosRef"/>).</summary>
    public string Ref => KudosRef.Of(this);

    /// <summary>Recipients who may be named in public: not when the kudos was private or they chose privacy.</summary>
    public IReadOnlyList<MemberId> PublicRecipients =>
        Private ? [] : Recipients.Where(r => !PrivateRecipients.Contains(r)).ToList();
}

/// <summary>
/// Where a customer's compliment came from: the integration (helpdesk) that sent it, its ticket and how the customer
/// reached the agent. Nothing about the customer themselves: their name and contact details are never kept.
/// </summary>
public sealed record CustomerCompliment(string Integration, string IntegrationName, string TicketId, string? TicketLink,
    Integrations.ContactChannel? Channel, int BudgetPoints)
{
    /// <summary>The giver a customer's kudos carries: no member has this id on any platform.</summary>
    public static readonly MemberId Giver = new("customer");
}

/// <summary>Points a third person added to a kudos (to each of its public recipients).</summary>
public sealed record KudosAddOn(MemberId Adder, int Points, DateTimeOffset At);

/// <summary>What a recipient holds after a kudos, and which milestones it reached.</summary>
public sealed record RecipientOutcome(MemberId Member, int Available, int Earned, IReadOnlyList<Milestone> Milestones);

/// <summary>A line the celebration gains: the first kudos ever received, or another 100 points earned.</summary>
public sealed record Milestone(MemberId Member, MilestoneKind Kind, int Points);

public enum MilestoneKind
{
    FirstKudos,
    HundredPoints,
}

/// <summary>The giver's allowance in the current period.</summary>
public sealed record AllowanceView(int Limit, int Used, DateTimeOffset ResetsAt)
{
    public int Left => Math.Max(0, Limit - Used);
}
