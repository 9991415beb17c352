using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Commands;

/// <summary>
/// What happens around every handler, written once, in this order: admission (at most so many commands at once),
/// the time budget, the workspace's settings read once, the outsider check, the admin check, the workspace's
/// registration, the handler, locale memory (unless refused), then observation. A storage fault anywhere becomes
/// "try again" (nothing changed: every change is one transaction) and a budget run out becomes "storage is slow,
/// look before trying again".
/// </summary>
public sealed class CommandPipeline(
    CommandDispatcher dispatcher,
    WorkspaceStore workspaces,
    Membership membership,
    LocaleMemory locales,
    IEnumerable<ICommandObserver> observers,
    TimeProvider clock,
    IOptions<StorageOptions> storage,
    ILogger<CommandPipeline> log)
{
    private readonly StorageOptions _storage = storage.Value;
    private readonly ICommandObserver[] _observers = [.. observers];

    // Admission: at most this many commands at once, the rest wait briefly, then hear "busy" (see StorageOptions).
    private readonly SemaphoreSlim _admission = new(storage.Value.MaxConcurrentCommands, storage.Value.MaxConcurrentCommands);

    public async Task<Answer> HandleAsync(CommandContext context, KudosCommand command, CancellationToken cancellationToken)
    {
        var route = dispatcher.RouteFor(command);
        var started = clock.GetTimestamp();
        var answer = await GuardAsync(context, command.GetType().Name, (settings, ct) => RunAsync(route, context, command, settings, ct),
            refused => refused, cancellationToken);
        Observe(context, command, answer.Result, clock.GetElapsedTime(started));
        return new Answer(answer.Result, answer.Reader);
    }

    /// <summary>Text the parser did not understand: observed like any command, answered in the asker's language.</summary>
    public async Task<Answer> NotUnderstoodAsync(CommandContext context, NotUnderstood result, CancellationToken cancellationToken)
    {
        Observe(context, null, result, TimeSpan.Zero);
        return new Answer(result, await ReaderAsync(context.Workspace, context.Locale, cancellationToken));
    }

    /// <summary>
    /// A query that is not a command (a check before a modal opens), with the same admission, budget and storage
    /// fault mapping; a refusal of the pipeline's own (busy, storage) is turned into <typeparamref name="TResult"/>.
    /// </summary>
    public async Task<(TResult Result, Reader Reader)> GuardAsync<TResult>(CommandContext context, string what,
        Func<WorkspaceSettings, CancellationToken, Task<TResult>> run, Func<Refused, TResult> refused, CancellationToken ct)
    {
        if (!await _admission.WaitAsync(_storage.AdmissionWait, ct))
        {
            log.LogWarning("Too many commands at once; {Command} in {Workspace} told it is busy", what, context.Workspace);
            return (refused(new Refused(Refusal.Busy)), FallbackReader(context));
        }
        // The budget is wall time, not the injected clock: it is about the person waiting for an answer.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(_storage.CommandBudget);
        try
        {
            var settings = await workspaces.GetAsync(context.Workspace, budget.Token);
            return (await run(settings, budget.Token), Reader.For(context.Locale, settings));
        }
        catch (LedgerBusyException e) when (!ct.IsCancellationRequested)
        {
            // Nothing was written (the change never got its turn): "nothing changed, try again" is the truth.
            log.LogWarning("{Command} in {Workspace} waited too long for other requests on the same people: {Reason}", what, context.Workspace, e.Message);
            return (refused(new Refused(Refusal.Busy)), FallbackReader(context));
        }
        catch (OperationCanceledException e) when (budget.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // A write may have reached storage before the budget ran out and still commit: "nothing changed" would
            // not be the truth, so the person is asked to look before trying again.
            log.LogError(e, "Storage did not answer within {Budget} while handling {Command} in {Workspace}", _storage.CommandBudget, what, context.Workspace);
            return (refused(new Refused(Refusal.StorageSlow)), FallbackReader(context));
        }
        catch (Exception e) when (StorageFaults.IsFault(e))
        {
            log.LogError(e, "Storage failed while handling {Command} in {Workspace}", what, context.Workspace);
            return (refused(new Refused(Refusal.StorageUnavailable)), FallbackReader(context));
        }
        finally
        {
            _admission.Release();
        }
    }

    /// <summary>
    /// The reader of a workspace outside any command (a welcome card, an answer the adapter makes itself): the
    /// settings within the budget, else the last ones seen, else the defaults: an answer beats none.
    /// </summary>
    public async Task<Reader> ReaderAsync(WorkspaceId workspace, string? locale, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(_storage.CommandBudget);
        try
        {
            return Reader.For(locale, await workspaces.GetAsync(workspace, budget.Token));
        }
        catch (Exception e) when (StorageFaults.IsFault(e) || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Could not read the settings of {Workspace}", workspace);
            return workspaces.Peek(workspace) is { } seen ? Reader.For(locale, seen) : Reader.Default(locale);
        }
    }

    private async Task<CommandResult> RunAsync(
        CommandRoute route, CommandContext context, KudosCommand command, WorkspaceSettings settings, CancellationToken ct)
    {
        // Before anything is written: a refused outsider or non-admin leaves no row behind (not even the workspace's).
        if (route.MembersOnly && await membership.IsOutsiderAsync(context.Workspace, context.Actor, ct)) return new Refused(Refusal.Outsider);
        if (route.AdminsOnly is { } refusal && !await membership.IsAdminAsync(context.Workspace, context.Actor, settings, ct)) return new Refused(refusal);
        await workspaces.RegisterAsync(context.Workspace, ct);
        var result = await route.Handler.HandleAsync(context, command, settings, ct);
        // The language is remembered for what went through; a refusal or bad input (a dashboard form's, which the
        // handler reads) leaves the ledger untouched.
        if (!route.StoresLocale && result is not (Refused or NotUnderstood)) await locales.RememberAsync(context, ct);
        return result;
    }

    private Reader FallbackReader(CommandContext context) => PeekReader(context.Workspace, context.Locale);

    /// <summary>The reader from the settings this instance last read (no storage call), else the defaults.</summary>
    public Reader PeekReader(WorkspaceId workspace, string? locale) =>
        workspaces.Peek(workspace) is { } seen ? Reader.For(locale, seen) : Reader.Default(locale);

    private void Observe(CommandContext context, KudosCommand? command, CommandResult result, TimeSpan elapsed)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.Handled(context, command, result, elapsed);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Command observer {Observer} failed", observer.GetType().Name);
            }
        }
    }
}
