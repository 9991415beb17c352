using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Rewards.Decide;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core;

/// <summary>
/// The core's one entry point for adapters: text or a command in, a result out, with what rendering it needs.
/// Parses, then hands the command to <see cref="CommandPipeline"/>, which runs its handler (one per use case, see
/// <see cref="CommandDispatcher"/>) inside what every command needs. Expected refusals are results; a storage
/// fault becomes "try again" with nothing changed (every change is one transaction).
/// </summary>
public sealed class RecognitionService(CommandPipeline pipeline, RedemptionQueries redemptions)
{
    public async Task<CommandResult> HandleTextAsync(CommandContext context, string text, CancellationToken cancellationToken) =>
        (await AnswerTextAsync(context, text, cancellationToken)).Result;

    public async Task<CommandResult> HandleAsync(CommandContext context, KudosCommand command, CancellationToken cancellationToken) =>
        (await pipeline.HandleAsync(context, command, cancellationToken)).Result;

    /// <summary>As <see cref="HandleTextAsync"/>, with the reader (language, the workspace's zone) to render the result for.</summary>
    public Task<Answer> AnswerTextAsync(CommandContext context, string text, CancellationToken cancellationToken)
    {
        var parsed = CommandParser.Parse(text);
        return parsed.Command is { } command
            ? pipeline.HandleAsync(context, command, cancellationToken)
            : pipeline.NotUnderstoodAsync(context, new NotUnderstood(parsed.Error!.Value, parsed.Detail), cancellationToken);
    }

    /// <summary>As <see cref="HandleAsync"/>, with the reader to render the result for.</summary>
    public Task<Answer> AnswerAsync(CommandContext context, KudosCommand command, CancellationToken cancellationToken) =>
        pipeline.HandleAsync(context, command, cancellationToken);

    /// <summary>
    /// Whether <paramref name="context"/>'s member may decide a redemption now, without deciding it: null when they
    /// may, else what deciding would answer (a refusal, or the current state of a request already decided).
    /// </summary>
    public async Task<CommandResult?> CheckDecisionAsync(CommandContext context, string redemptionId, CancellationToken cancellationToken) =>
        (await CheckDecisionForAsync(context, redemptionId, cancellationToken)).Refusal;

    /// <summary>As <see cref="CheckDecisionAsync"/>, with the reader: for a platform that must ask for a reason first (Slack's modal).</summary>
    public async Task<DecisionCheck> CheckDecisionForAsync(CommandContext context, string redemptionId, CancellationToken cancellationToken)
    {
        var (refusal, reader) = await pipeline.GuardAsync<CommandResult?>(context, "decision check",
            (settings, ct) => redemptions.CheckDecisionAsync(context.Workspace, context.Actor, redemptionId, settings, ct),
            refused => refused, cancellationToken);
        return new DecisionCheck(refusal, reader);
    }

    /// <summary>
    /// A redemption as it stands, with its requester's available points (null if there is none): for a platform
    /// that redraws an approval card after a refused click, so the card shows the truth and why nothing happened.
    /// </summary>
    public Task<RedemptionView?> GetRedemptionAsync(WorkspaceId workspace, string redemptionId, CancellationToken cancellationToken) =>
        redemptions.GetAsync(workspace, redemptionId, cancellationToken);

    /// <summary>
    /// How to speak to someone of <paramref name="workspace"/> outside a command (a welcome, an answer the adapter
    /// makes itself when it could not ask the core): their language, the workspace's fallback and zone.
    /// </summary>
    public Task<Reader> ReaderAsync(WorkspaceId workspace, string? locale, CancellationToken cancellationToken) =>
        pipeline.ReaderAsync(workspace, locale, cancellationToken);
}
