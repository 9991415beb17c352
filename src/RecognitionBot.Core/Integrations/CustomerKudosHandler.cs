using Microsoft.Extensions.Logging;
using RecognitionBot.Core.Caching;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Integrations;

public enum CustomerKudosStatus
{
    /// <summary>Recorded now; the celebration and the DM are in the outbox.</summary>
    Celebrated,
    /// <summary>This ticket was celebrated before: nothing changed.</summary>
    Duplicate,
    /// <summary>Not a good rating: nothing stored.</summary>
    Ignored,
    /// <summary>No member of the workspace is this agent: nothing changed (422).</summary>
    UnknownAgent,
    /// <summary>Storage kept conflicting: nothing changed, the helpdesk should send it again (503).</summary>
    Busy,
}

public sealed record CustomerKudosOutcome(CustomerKudosStatus Status, string? Reason = null, string? Kudos = null);

/// <summary>
/// A helpdesk's rating after its request was verified: a good one becomes a kudos from a customer to the agent (found
/// by email through the platform's directory, or by their platform id), the comment stripped of the customer's contact
/// details first. The same ticket of the same integration counts once.
/// </summary>
public sealed class CustomerKudosHandler(
    ICustomerLedger ledger,
    IntegrationDirectory directory,
    ISecretProtector protector,
    WorkspaceStore workspaces,
    Membership membership,
    IEnumerable<IAgentDirectory> agents,
    TimeProvider clock,
    ILogger<CustomerKudosHandler> log)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    // A burst asks for the same integration hundreds of times: its row and plain secret are kept briefly, boundedly.
    private readonly BoundedCache<string, (Integration? Integration, string? Secret, DateTimeOffset Until)> _integrations = new(10_000, CacheFor);

    // The platforms throttle lookups by email (Slack: tier 3, about 50 a minute): a day replayed names the same agents
    // again and again. Found agents are kept for ten minutes, unknown addresses for one.
    private readonly BoundedCache<(WorkspaceId Workspace, string Email), (MemberId? Agent, DateTimeOffset Until)> _agents =
        new(50_000, TimeSpan.FromMinutes(10));

    /// <summary>The integration behind an id with its plain secret, or null (then the request gets the same 401 as a bad signature).</summary>
    public async Task<(Integration Integration, string Secret)?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_integrations.TryGetValue(id, out var hit) && hit.Until > now)
            return hit.Integration is { } cached ? (cached, hit.Secret!) : null;
        Integration? integration = null;
        if (await directory.FindAsync(id, cancellationToken) is { } entry
            && await ledger.FindIntegrationAsync(entry.Workspace, entry.Name, cancellationToken) is { } found && found.Id == id)
            integration = found;
        var secret = integration is null ? null : protector.Unprotect(integration.ProtectedSecret);
        _integrations[id] = (integration, secret, now + CacheFor);
        return integration is null ? null : (integration, secret!);
    }

    private async Task<MemberId?> FindByEmailAsync(IAgentDirectory lookup, WorkspaceId workspace, string email, CancellationToken cancellationToken)
    {
        var key = (workspace, email.ToLowerInvariant());
        var now = clock.GetUtcNow();
        if (_agents.TryGetValue(key, out var hit) && hit.Until > now) return hit.Agent;
        var agent = await lookup.FindByEmailAsync(workspace, email, cancellationToken);
        _agents[key] = (agent, now + (agent is null ? TimeSpan.FromMinutes(1) : TimeSpan.FromMinutes(10)));
        return agent;
    }

    public async Task<CustomerKudosOutcome> HandleAsync(Integration integration, HelpdeskRating rating, CancellationToken cancellationToken)
    {
        if (!rating.Good) return new CustomerKudosOutcome(CustomerKudosStatus.Ignored, "Only good ratings are celebrated.");
        var workspace = integration.Workspace;
        MemberId agent;
        if (rating.AgentId is { Length: > 0 } id)
            agent = new MemberId(id);
        else if (agents.FirstOrDefault(a => a.Platform == workspace.Platform) is not { } lookup)
            return new CustomerKudosOutcome(CustomerKudosStatus.UnknownAgent, "This platform cannot look people up by email: send agent_id instead.");
        else if (await FindByEmailAsync(lookup, workspace, rating.AgentEmail!, cancellationToken) is { } byEmail)
            agent = byEmail;
        else
            return new CustomerKudosOutcome(CustomerKudosStatus.UnknownAgent, "No member of the workspace has the agent's email.");
        if (await membership.CheckMembersAsync(workspace, [agent], cancellationToken) is { } refused)
            return new CustomerKudosOutcome(CustomerKudosStatus.UnknownAgent, refused.Reason switch
            {
                Refusal.BotRecipient => "The agent is a bot.",
                Refusal.OutsiderRecipient => "The agent belongs to another organisation.",
                Refusal.LeaverRecipient => "The agent has left the workspace.",
                _ => "The agent is not a member of the workspace.",
            });

        var settings = await workspaces.GetAsync(workspace, cancellationToken);
        await workspaces.RegisterAsync(workspace, cancellationToken);
        var comment = TextSafety.WithoutDirectionControls(rating.Comment ?? "");
        var message = TextLimits.Shorten(ContactDetails.Strip(comment, rating.CustomerNames).Trim(), settings.MaxMessageLength);
        var result = await ledger.GiveCustomerKudosAsync(
            new CustomerKudosRequest(integration, agent, rating, message, $"customer|{integration.Id}|{rating.TicketId}", settings), cancellationToken);
        switch (result)
        {
            case CustomerKudosGiven given:
                return new CustomerKudosOutcome(given.Replayed ? CustomerKudosStatus.Duplicate : CustomerKudosStatus.Celebrated, null, given.Kudos.Ref);
            case Refused { Reason: Refusal.Busy }:
                return new CustomerKudosOutcome(CustomerKudosStatus.Busy, "Busy: send it again in a moment.");
            case Refused { Reason: Refusal.LeaverRecipient }:
                return new CustomerKudosOutcome(CustomerKudosStatus.UnknownAgent, "The agent has left the workspace.");
            default:
                log.LogWarning("Customer kudos from {Integration} in {Workspace} not recorded: {Result}", integration.Id, workspace, result);
                throw new InvalidOperationException($"The ledger answered {result.GetType().Name} to a customer's compliment.");
        }
    }
}
