using RecognitionBot.Core.Commands;

namespace RecognitionBot.Core.Integrations;

/// <summary>What an admin sees of an integration (never its secret).</summary>
public sealed record IntegrationSummary(string Id, string Name, int Points, string ChannelId, DateTimeOffset CreatedAt)
{
    public static IntegrationSummary Of(Integration i) => new(i.Id, i.Name, i.Points, i.ChannelId, i.CreatedAt);
}

/// <summary>
/// An integration just created: its URL and, this once, its secret. The stored first answer (what a retried delivery
/// hears) has no secret: it is shown once and never kept in plain text.
/// </summary>
public sealed record IntegrationCreated(IntegrationSummary Integration, string Url, string? Secret) : CommandResult;

/// <summary><c>admin integration list</c>: the workspace's integrations and the company budget left.</summary>
public sealed record IntegrationsView(IReadOnlyList<IntegrationSummary> Integrations, int Budget, string BaseUrl) : CommandResult;

/// <summary><c>admin budget [N]</c>: the company budget for customer kudos, and what it was before a change.</summary>
public sealed record BudgetView(int Left, int? Before) : CommandResult;

/// <summary>A customer's compliment recorded: the kudos it became and the points it brought from the budget.</summary>
public sealed record CustomerKudosGiven(Kudos.Kudos Kudos, int Points) : CommandResult;
