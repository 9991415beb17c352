using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Integrations;

/// <summary>
/// <c>admin integration add &lt;name&gt; [--points N] [--channel #c]</c>: a fresh id (the URL) and secret, the secret shown
/// to the admin once and stored encrypted. Celebrated in the channel named, else where the command was typed, else the
/// workspace's celebration channel.
/// </summary>
public sealed partial class AddIntegrationHandler(
    ICustomerLedger ledger, IntegrationDirectory directory, ISecretProtector protector, IOptions<CustomerKudosOptions> options, TimeProvider clock)
    : ICommandHandler<AddIntegrationCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<AddIntegrationCommand> request, CancellationToken cancellationToken)
    {
        var (context, add, settings) = request;
        string? channel, team = null;
        // A Slack channel id, else the name as typed ("#customer-love"), which chat.postMessage also takes.
        if (add.Channel is { } named) channel = SlackChannelId().IsMatch(named) ? named : "#" + named;
        else if (context.Conversation.Kind != ConversationKind.Direct) (channel, team) = (context.Conversation.Id, context.Conversation.TeamId);
        else channel = settings.CelebrationChannel;
        if (channel is null) return new Refused(Refusal.NotInChannel);
        if (await ledger.FindIntegrationAsync(context.Workspace, add.Name, cancellationToken) is not null)
            return new Refused(Refusal.IntegrationExists, add.Name);

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var integration = new Integration(id, context.Workspace, add.Name, protector.Protect(secret), add.Points ?? 0, channel, team, context.Actor,
            clock.GetUtcNow());
        // The id first: a directory row whose integration never got written leads nowhere (its requests get 401).
        await directory.SaveAsync(id, context.Workspace, add.Name, cancellationToken);
        var shown = new IntegrationCreated(IntegrationSummary.Of(integration), UrlOf(options.Value, id), Secret: null);
        var result = await ledger.AddIntegrationAsync(integration, context.DeliveryKey?.Value, shown, cancellationToken);
        if (result is Refused || result.Replayed)
        {
            await directory.DeleteAsync(id, cancellationToken);
            return result;
        }
        return shown with { Secret = secret };
    }

    public static string UrlOf(CustomerKudosOptions options, string id) => $"{BaseUrl(options)}{CustomerKudosPaths.Prefix}{id}";

    public static string BaseUrl(CustomerKudosOptions options) => options.PublicBaseUrl?.TrimEnd('/') ?? "";

    [GeneratedRegex("^[CG][A-Z0-9]{6,}$")]
    private static partial Regex SlackChannelId();
}

/// <summary>Where helpdesks post: <c>POST /integrations/customer-kudos/{integration id}</c>.</summary>
public static class CustomerKudosPaths
{
    public const string Prefix = "/integrations/customer-kudos/";
}

public sealed class ListIntegrationsHandler(ICustomerLedger ledger, IOptions<CustomerKudosOptions> options) : ICommandHandler<ListIntegrationsCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<ListIntegrationsCommand> request, CancellationToken cancellationToken)
    {
        var list = ledger.ListIntegrationsAsync(request.Workspace, cancellationToken);
        var budget = ledger.GetBudgetAsync(request.Workspace, cancellationToken);
        return new IntegrationsView([.. (await list).Select(IntegrationSummary.Of).OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase)], await budget,
            AddIntegrationHandler.BaseUrl(options.Value) + CustomerKudosPaths.Prefix);
    }
}

/// <summary><c>admin integration remove &lt;name&gt;</c>: its URL stops working (within the half minute an instance may remember it).</summary>
public sealed class RemoveIntegrationHandler(ICustomerLedger ledger, IntegrationDirectory directory) : ICommandHandler<RemoveIntegrationCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<RemoveIntegrationCommand> request, CancellationToken cancellationToken)
    {
        var result = await ledger.RemoveIntegrationAsync(request.Workspace, request.Actor, request.Command.Name, cancellationToken);
        if (result is AdminDone { Detail: { } id }) await directory.DeleteAsync(id, cancellationToken);
        return result;
    }
}

/// <summary><c>admin budget [N]</c>: the company budget customer kudos points come from (never anyone's allowance).</summary>
public sealed class BudgetHandler(ICustomerLedger ledger) : ICommandHandler<BudgetCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<BudgetCommand> request, CancellationToken cancellationToken) =>
        request.Command.Points is { } points
            ? await ledger.SetBudgetAsync(request.Workspace, request.Actor, points, cancellationToken)
            : new BudgetView(await ledger.GetBudgetAsync(request.Workspace, cancellationToken), null);
}
