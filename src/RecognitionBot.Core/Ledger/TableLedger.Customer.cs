using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Integrations;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

/// <summary><c>integration|{name}</c>: a helpdesk that may post compliments; its secret encrypted by the host.</summary>
internal sealed class IntegrationEntity : LedgerEntity
{
    public string IntegrationId { get; set; } = "";
    public string Name { get; set; } = "";
    public string ProtectedSecret { get; set; } = "";
    public int Points { get; set; }
    public string ChannelId { get; set; } = "";
    public string? TeamId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary><c>budget|company</c>: the points left for customer kudos.</summary>
internal sealed class BudgetEntity : LedgerEntity
{
    public int Left { get; set; }
}

public sealed partial class TableLedger : ICustomerLedger
{
    // The budget row is shared by every compliment that brings points: this instance takes its turn on it as on a member row.
    private static readonly MemberId BudgetLock = new("|budget");

    public async Task<CommandResult> AddIntegrationAsync(
        Integration integration, string? deliveryKey, CommandResult answer, CancellationToken cancellationToken)
    {
        var workspace = integration.Workspace;
        if (deliveryKey is not null && await FindDeliveryAsync(workspace, deliveryKey, cancellationToken) is { } earlier) return earlier;
        var now = clock.GetUtcNow();
        var batch = new Batch(LedgerKeys.Partition(workspace));
        batch.Add(new IntegrationEntity
        {
            RowKey = LedgerKeys.Integration(IntegrationNames.Key(integration.Name)),
            IntegrationId = integration.Id,
            Name = integration.Name,
            ProtectedSecret = integration.ProtectedSecret,
            Points = integration.Points,
            ChannelId = integration.ChannelId,
            TeamId = integration.TeamId,
            CreatedBy = integration.CreatedBy.Value,
            CreatedAt = integration.CreatedAt,
        });
        AddCommon(batch, now, [], new AuditEntry(now, integration.CreatedBy, AuditAction.IntegrationAdded, integration.Name, null,
            Describe(integration), integration.Id), [], deliveryKey, answer);
        try
        {
            await SubmitAsync(batch, workspace, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            if (deliveryKey is not null && await FindDeliveryAsync(workspace, deliveryKey, cancellationToken) is { } repeated) return repeated;
            return new Refused(Refusal.IntegrationExists, integration.Name);
        }
        log.LogInformation("Integration {Integration} ({Name}) added in {Workspace}", integration.Id, integration.Name, workspace);
        return answer;
    }

    public async Task<CommandResult> RemoveIntegrationAsync(WorkspaceId workspace, MemberId admin, string name, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<IntegrationEntity>(LedgerKeys.Partition(workspace),
            LedgerKeys.Integration(IntegrationNames.Key(name)), cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } entity) return new Refused(Refusal.UnknownIntegration, name);
        var now = clock.GetUtcNow();
        var batch = new Batch(LedgerKeys.Partition(workspace));
        batch.Delete(entity);
        batch.Audit(new AuditEntry(now, admin, AuditAction.IntegrationRemoved, entity.Name, Describe(ToIntegration(workspace, entity)), null,
            entity.IntegrationId));
        try
        {
            await SubmitAsync(batch, workspace, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
        {
            return new Refused(Refusal.UnknownIntegration, name);
        }
        return new AdminDone(new RemoveIntegrationCommand(name), entity.IntegrationId);
    }

    public async Task<IReadOnlyList<Integration>> ListIntegrationsAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var (from, to) = (LedgerKeys.IntegrationPrefix, LedgerKeys.PrefixEnd(LedgerKeys.IntegrationPrefix));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {LedgerKeys.Partition(workspace)} and RowKey ge {from} and RowKey lt {to}");
        var list = new List<Integration>();
        await foreach (var e in Table.QueryAsync<IntegrationEntity>(filter, cancellationToken: cancellationToken)) list.Add(ToIntegration(workspace, e));
        return list;
    }

    public async Task<Integration?> FindIntegrationAsync(WorkspaceId workspace, string name, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<IntegrationEntity>(LedgerKeys.Partition(workspace),
            LedgerKeys.Integration(IntegrationNames.Key(name)), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? ToIntegration(workspace, e) : null;
    }

    public async Task<int> GetBudgetAsync(WorkspaceId workspace, CancellationToken cancellationToken) =>
        (await LoadAsync(workspace, LedgerKeys.Budget, () => new BudgetEntity(), cancellationToken)).Entity.Left;

    public async Task<CommandResult> SetBudgetAsync(WorkspaceId workspace, MemberId admin, int points, CancellationToken cancellationToken)
    {
        using (await LockAsync(workspace, [BudgetLock], cancellationToken))
            return await RetryOnConflictAsync(workspace, null, async _ =>
            {
                var (budget, existed) = await LoadAsync(workspace, LedgerKeys.Budget, () => new BudgetEntity(), cancellationToken);
                var before = budget.Left;
                var now = clock.GetUtcNow();
                budget.Left = points;
                var batch = new Batch(LedgerKeys.Partition(workspace));
                batch.Put(budget, existed);
                if (before != points) batch.Audit(new AuditEntry(now, admin, AuditAction.Budget, null, Number(before), Number(points)));
                await SubmitAsync(batch, workspace, cancellationToken);
                return new BudgetView(points, before);
            }, cancellationToken);
    }

    public async Task<CommandResult> GiveCustomerKudosAsync(CustomerKudosRequest r, CancellationToken cancellationToken)
    {
        var workspace = r.Integration.Workspace;
        MemberId[] rows = r.Integration.Points > 0 ? [r.Agent, BudgetLock] : [r.Agent];
        using (await LockAsync(workspace, rows, cancellationToken))
        {
            return await RetryOnConflictAsync(workspace, r.DeliveryKey, async attempt =>
            {
                var now = clock.GetUtcNow();
                var agentTask = LoadMemberAsync(workspace, r.Agent, cancellationToken, cached: attempt == 0);
                var budget = r.Integration.Points > 0 ? await LoadAsync(workspace, LedgerKeys.Budget, () => new BudgetEntity(), cancellationToken) : default;
                var agent = await agentTask;
                var agentRow = agent.Entity.ToRow();
                var decided = CustomerKudosDecider.Decide(new CustomerKudosState(agentRow, budget.Entity?.Left ?? 0, LedgerKeys.NewId()), r, now);
                if (decided.Decision is not { } d) return await RefuseUnlessRepeatedAsync(workspace, r.DeliveryKey, decided.Refusal!, cancellationToken);

                var batch = new Batch(LedgerKeys.Partition(workspace));
                agent.Entity.Apply(agentRow, d.Agent);
                batch.Put(agent.Entity, agent.Existed);
                if (budget.Entity is { } b && d.BudgetLeft != b.Left)
                {
                    b.Left = d.BudgetLeft;
                    batch.Put(b, budget.Existed);
                }
                var kudos = d.Kudos.ToEntity();
                batch.Add(kudos);
                AddCommon(batch, now, d.History, null, d.Posts, r.DeliveryKey, d.Result);
                if (batch.Posts.Count > 0) kudos.Outbox = RowMapping.WriteList(batch.Posts.Select(p => batch.Actions[p.Index].Entity.RowKey));
                await SubmitAsync(batch, workspace, cancellationToken);
                log.LogInformation("Customer kudos {KudosId} from {Integration} in {Workspace}: {Points} points", d.Kudos.Id, r.Integration.Id, workspace,
                    d.Result.Points);
                return d.Result;
            }, cancellationToken);
        }
    }

    private static Integration ToIntegration(WorkspaceId workspace, IntegrationEntity e) =>
        new(e.IntegrationId, workspace, e.Name, e.ProtectedSecret, e.Points, e.ChannelId, e.TeamId, new MemberId(e.CreatedBy), e.CreatedAt);

    // The audit log shows where and how much, never the secret (not even encrypted).
    private static string Describe(Integration i) => $"{i.ChannelId} · +{Number(i.Points)}";

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
