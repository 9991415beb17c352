using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Integrations;

/// <summary>A customer's compliment ready for the ledger: the agent found, the comment already stripped of contact details.</summary>
public sealed record CustomerKudosRequest(
    Integration Integration, MemberId Agent, HelpdeskRating Rating, string Message, string DeliveryKey, WorkspaceSettings Settings);

/// <summary>The ledger's side of customer kudos: integrations, the company budget and the compliments, each change one transaction.</summary>
public interface ICustomerLedger
{
    /// <summary>Adds the integration with its audit row; refused when the workspace has one of that name.</summary>
    Task<CommandResult> AddIntegrationAsync(Integration integration, string? deliveryKey, CommandResult answer, CancellationToken cancellationToken);

    Task<CommandResult> RemoveIntegrationAsync(WorkspaceId workspace, MemberId admin, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<Integration>> ListIntegrationsAsync(WorkspaceId workspace, CancellationToken cancellationToken);

    Task<Integration?> FindIntegrationAsync(WorkspaceId workspace, string name, CancellationToken cancellationToken);

    Task<int> GetBudgetAsync(WorkspaceId workspace, CancellationToken cancellationToken);

    Task<CommandResult> SetBudgetAsync(WorkspaceId workspace, MemberId admin, int points, CancellationToken cancellationToken);

    /// <summary>The compliment, the agent's row, the budget, the history line, the posts and the dedupe mark: one transaction.</summary>
    Task<CommandResult> GiveCustomerKudosAsync(CustomerKudosRequest request, CancellationToken cancellationToken);
}
