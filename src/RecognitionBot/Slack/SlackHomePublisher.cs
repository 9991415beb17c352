using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Home;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Web;

namespace RecognitionBot.Slack;

/// <summary>
/// Keeps people's App Home tabs up to date, never in an ack path. A request only marks a person as due: opening the
/// tab publishes at once; a change (a kudos, a decision) waits <see cref="SlackOptions.HomeDebounce"/> so a burst
/// becomes one publish. Each workspace is published by a worker of its own, at most one <c>views.publish</c> every
/// <see cref="SlackOptions.HomeInterval"/> (Slack's Tier 4 is about 100 a minute per workspace), so one busy
/// workspace neither throttles itself nor holds up another. Only homes their owners have opened are republished after
/// a change (<see cref="SlackHomeViewers"/>); one never opened is published when it first is. In memory: a home
/// missed in a restart is published again the next time its owner opens it.
/// </summary>
public sealed class SlackHomePublisher(
    IServiceProvider services,
    SlackInstallations installations,
    SlackApiClient api,
    SlackHomeViewers viewers,
    IEnumerable<IMemberDirectory> directories,
    IOptions<SlackOptions> options,
    IOptions<DashboardAddress> dashboard,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<SlackHomePublisher> log)
{
    private readonly ConcurrentDictionary<string, WorkspaceQueue> _queues = new();
    private int _running;

    /// <summary>Publishes running now (tests wait for none).</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Marks <paramref name="member"/>'s home as due: at once when they opened it, after the debounce for a change.</summary>
    public void Request(string teamId, string? enterpriseId, MemberId member, bool now)
    {
        var queue = _queues.GetOrAdd(teamId, t => new WorkspaceQueue(t));
        lock (queue)
        {
            queue.EnterpriseId ??= enterpriseId;
            var due = time.GetUtcNow() + (now ? TimeSpan.Zero : options.Value.HomeDebounce);
            // Coalesced: a later request never postpones one already due sooner.
            if (queue.Due.TryGetValue(member, out var already) && already <= due) return;
            if (queue.Due.Count >= options.Value.MaxHomesWaiting && !queue.Due.ContainsKey(member))
            {
                log.LogWarning("Too many App Homes waiting in {Team}; {Member}'s is published when they next open it", teamId, member);
                return;
            }
            queue.Due[member] = due;
            if (queue.Working) return;
            queue.Working = true;
        }
        Interlocked.Increment(ref _running);
        _ = Task.Run(() => WorkAsync(queue));
    }

    /// <summary>Waits until nothing is due or being published (tests).</summary>
    public async Task WhenIdleAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Running > 0)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("App Home publishes did not finish.");
            await Task.Delay(20);
        }
    }

    private async Task WorkAsync(WorkspaceQueue queue)
    {
        var ct = lifetime.ApplicationStopping;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                MemberId member;
                TimeSpan wait;
                lock (queue)
                {
                    if (queue.Due.Count == 0)
                    {
                        queue.Working = false;
                        return;
                    }
                    var next = queue.Due.MinBy(d => d.Value);
                    (member, wait) = (next.Key, next.Value - time.GetUtcNow());
                    if (wait <= TimeSpan.Zero) queue.Due.Remove(member);
                }
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, ct);
                    continue;
                }
                // A home nobody opened is skipped without a pause: only publishes count against Slack's tier.
                if (await PublishAsync(queue, member, ct)) await Task.Delay(options.Value.HomeInterval, time, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the homes still due are published when their owners next open them.
            lock (queue) queue.Working = false;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <summary>Publishes <paramref name="member"/>'s home if they ever opened it; false when nothing was sent to Slack.</summary>
    private async Task<bool> PublishAsync(WorkspaceQueue queue, MemberId member, CancellationToken ct)
    {
        try
        {
            if (!await viewers.HasOpenedAsync(queue.TeamId, member.Value, ct)) return false;
            var bot = await installations.BotForAsync(queue.TeamId, queue.EnterpriseId, ct);
            if (bot is null) return false;
            var workspace = SlackWorkspace.Id(queue.TeamId);
            var locale = (await directories.First(d => d.Platform == Platform.Slack).FindAsync(workspace, member, ct))?.Locale;
            // Resolved here, not injected: the core's pipeline tells this publisher of changes, through the observer.
            var core = services.GetRequiredService<RecognitionService>();
            // Asked without the locale, so a background publish writes nothing (the pipeline remembers an asker's
            // language); the home is then rendered in that language all the same.
            var (result, _) = await core.AnswerAsync(new CommandContext(workspace, member, new ConversationRef("", ConversationKind.Direct)),
                new HomeCommand(), ct);
            var reader = await core.ReaderAsync(workspace, locale, ct);
            if (result is not HomeView home)
            {
                log.LogWarning("App Home of {Member} in {Team} not published: {Result}", member, queue.TeamId, JsonSerializer.Serialize(result, Json.Options));
                return false;
            }
            var v = ViewText.For(reader);
            await api.PublishHomeAsync(bot.Token, member.Value, SlackViews.Home(DashboardLine.Append(HomeViews.For(home, v), dashboard.Value.Link(), v)), ct);
            return true;
        }
        catch (SlackApiException e)
        {
            log.LogWarning("App Home of {Member} in {Team} not published: {Error}", member, queue.TeamId, e.Error);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "App Home of {Member} in {Team} failed", member, queue.TeamId);
            return true;
        }
    }

    private sealed class WorkspaceQueue(string teamId)
    {
        public string TeamId { get; } = teamId;

        public string? EnterpriseId { get; set; }

        public Dictionary<MemberId, DateTimeOffset> Due { get; } = [];

        public bool Working { get; set; }
    }
}

/// <summary>Tells the publisher whose home a command changed (<see cref="HomeChanges"/>); only Slack workspaces have an App Home.</summary>
public sealed class SlackHomeObserver(SlackHomePublisher publisher) : ICommandObserver
{
    public void Handled(CommandContext context, KudosCommand? command, CommandResult result, TimeSpan elapsed)
    {
        if (context.Workspace.Platform != Platform.Slack) return;
        foreach (var member in HomeChanges.For(context.Actor, result))
            publisher.Request(context.Workspace.Id, null, member, now: false);
    }
}

/// <summary>
/// <c>app_home_opened</c> on the Home tab (after the event's ack): its owner is remembered as someone who looks at
/// their home, and it is published at once.
/// </summary>
public sealed class SlackAppHomeEvents(SlackHomePublisher publisher, SlackHomeViewers viewers, ILogger<SlackAppHomeEvents> log) : ISlackEventHandler
{
    public async Task HandleAsync(SlackEvent slackEvent, CancellationToken ct)
    {
        if (slackEvent.Type != "app_home_opened") return;
        var e = slackEvent.Event;
        var tab = e.TryGetProperty("tab", out var t) ? t.GetString() : "home";
        if (tab != "home" || !e.TryGetProperty("user", out var u) || u.GetString() is not { Length: > 0 } user) return;
        try
        {
            await viewers.OpenedAsync(slackEvent.TeamId, user, ct);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or TimeoutException or TaskCanceledException)
        {
            // Published now all the same; only later changes may wait until the next time they open it.
            log.LogWarning("Could not record that {Member} in {Team} opened App Home: {Error}", user, slackEvent.TeamId, ex.Message);
        }
        publisher.Request(slackEvent.TeamId, slackEvent.EnterpriseId, new MemberId(user), now: true);
    }
}
