using System.Collections.Concurrent;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecognitionBot.Core.Admin;
using RecognitionBot.Core.Admin.People;
using RecognitionBot.Core.Admin.Settings;
using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core;

/// <summary>
/// The core's one entry point for adapters: a command in, a result out. Parses, applies the rules, asks the
/// platform's directory about people, and lets the ledger commit. Expected refusals are results; a storage
/// fault becomes "try again" with nothing changed (every change is one transaction).
/// </summary>
public sealed class RecognitionService(
    ILedger ledger,
    WorkspaceStore workspaces,
    DigestSubscriptions digests,
    DigestBuilder digestBuilder,
    IEnumerable<IMemberDirectory> directories,
    IEnumerable<IManagerLookup> managerLookups,
    IEnumerable<ICommandObserver> observers,
    OutboxStore outbox,
    IOutboxSignal outboxSignal,
    IAuditLog auditLog,
    TimeProvider clock,
    IOptions<StorageOptions> storage,
    ILogger<RecognitionService> log)
{
    // Admission: at most this many commands at once, the rest wait briefly, then hear "busy" (see StorageOptions).
    private readonly SemaphoreSlim _admission = new(storage.Value.MaxConcurrentCommands, storage.Value.MaxConcurrentCommands);

    // Whose locale the ledger already has, so commands do not rewrite it: bounded, forgotten after a day unused.
    private readonly Caching.BoundedCache<(WorkspaceId, MemberId), string> _knownLocales = new(100_000, TimeSpan.FromDays(1));

    public async Task<CommandResult> HandleTextAsync(CommandContext context, string text, CancellationToken cancellationToken)
    {
        var parsed = CommandParser.Parse(text);
        if (parsed.Command is { } command) return await HandleAsync(context, command, cancellationToken);
        var result = new NotUnderstood(parsed.Error!.Value, parsed.Detail);
        Observe(context, null, result, TimeSpan.Zero);
        return result;
    }

    public async Task<CommandResult> HandleAsync(CommandContext context, KudosCommand command, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var result = await ExecuteAsync(context, command, cancellationToken);
        Observe(context, command, result, clock.GetElapsedTime(started));
        return result;
    }

    private void Observe(CommandContext context, KudosCommand? command, CommandResult result, TimeSpan elapsed)
    {
        foreach (var observer in observers)
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

    private async Task<CommandResult> ExecuteAsync(CommandContext context, KudosCommand command, CancellationToken ct)
    {
        if (!await _admission.WaitAsync(storage.Value.AdmissionWait, ct))
        {
            log.LogWarning("Too many commands at once; {Command} in {Workspace} told it is busy", command.GetType().Name, context.Workspace);
            return new Refused(Refusal.Busy);
        }
        // The budget is wall time, not the injected clock: it is about the person waiting for an answer.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(storage.Value.CommandBudget);
        var cancellationToken = budget.Token;
        try
        {
            var settings = await workspaces.GetAsync(context.Workspace, cancellationToken);
            // Before anything is written: a refused outsider leaves no row behind (not even their locale).
            if (command is GiveCommand or RedeemCommand && await IsOutsiderAsync(context, cancellationToken)) return new Refused(Refusal.Outsider);
            // A kudos writes the giver's row anyway and takes the locale along; other commands remember it here.
            if (command is not GiveCommand) await RememberLocaleAsync(context, cancellationToken);
            return command switch
            {
                GiveCommand give => await GiveAsync(context, give, settings, cancellationToken),
                BalanceCommand => await ledger.GetBalanceAsync(context.Workspace, context.Actor, settings, cancellationToken),
                LeaderboardCommand board => await ledger.GetLeaderboardAsync(context.Workspace, board.Period, settings, cancellationToken),
                RewardsCommand => await RewardsAsync(context, cancellationToken),
                RedeemCommand redeem => await ledger.RedeemAsync(
                    new RedeemRequest(context.Workspace, context.Actor, redeem.Reward, context.DeliveryKey, settings,
                        await ResolveApproversAsync(context.Workspace, context.Actor, settings, cancellationToken)), cancellationToken),
                CancelRedemptionCommand cancel => await ledger.CancelAsync(context.Workspace, context.Actor, cancel.RedemptionId, context.DeliveryKey, settings, cancellationToken),
                DecideRedemptionCommand decide => await ledger.DecideAsync(
                    new DecideRequest(context.Workspace, context.Actor, decide.RedemptionId, decide.Approve, decide.Reason, context.DeliveryKey, settings), cancellationToken),
                HistoryCommand => await ledger.GetHistoryAsync(context.Workspace, context.Actor, 20, cancellationToken),
                DigestOnCommand or DigestOffCommand when !await IsAdminAsync(context.Workspace, context.Actor, settings, cancellationToken) => new Refused(Refusal.DigestAdminsOnly),
                DigestOnCommand on => await SubscribeAsync(context, on, settings, cancellationToken),
                DigestOffCommand => await UnsubscribeAsync(context, settings, cancellationToken),
                DigestPreviewCommand => await PreviewAsync(context, settings, cancellationToken),
                SettingsCommand s => await SettingsAsync(context, s, cancellationToken),
                HelpCommand => Help(settings),
                AdminCommand admin => await AdminAsync(context, admin, settings, cancellationToken),
                _ => throw new NotSupportedException($"No handler for {command.GetType().Name}"),
            };
        }
        catch (OperationCanceledException e) when (budget.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // A write may have reached storage before the budget ran out and still commit: "nothing changed" would
            // not be the truth, so the person is asked to look before trying again.
            log.LogError(e, "Storage did not answer within {Budget} while handling {Command} in {Workspace}", storage.Value.CommandBudget, command.GetType().Name, context.Workspace);
            return new Refused(Refusal.StorageSlow);
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            log.LogError(e, "Storage failed while handling {Command} in {Workspace}", command.GetType().Name, context.Workspace);
            return new Refused(Refusal.StorageUnavailable);
        }
        finally
        {
            _admission.Release();
        }
    }

    private async Task<CommandResult> GiveAsync(CommandContext context, GiveCommand give, WorkspaceSettings settings, CancellationToken cancellationToken)
    {
        if (KudosRules.Check(give, context.Actor, settings) is { } refused) return refused;

        var directory = DirectoryFor(context.Workspace.Platform);
        if (directory is not null)
        {
            var profiles = await Task.WhenAll(give.Recipients.Select(async r => (r, await directory.FindAsync(context.Workspace, r, cancellationToken))));
            if (KudosRules.CheckRecipients(profiles) is { } notMembers) return notMembers;
        }

        PostTarget? celebration = context.Conversation.Kind == ConversationKind.Direct
            ? settings.CelebrationChannel is { } channel ? new ToConversation(channel) : null
            : new ToConversation(context.Conversation.Id, context.Conversation.TeamId);
        return await ledger.GiveAsync(new GiveRequest(
            context.Workspace, context.Actor, give.Recipients, KudosRules.PointsOf(give, settings), give.Message.Trim(),
            KudosRules.ValuesOf(give, settings), context.Conversation, give.Private, celebration, context.DeliveryKey, settings)
        {
            GiverLocale = context.Locale,
        }, cancellationToken);
    }

    /// <summary>
    /// Whether <paramref name="context"/>'s member may decide a redemption now, without deciding it: null when they
    /// may, else what deciding would answer (a refusal, or the current state of a request already decided). For a
    /// platform that must ask for a reason before the decision (Slack's modal).
    /// </summary>
    public async Task<CommandResult?> CheckDecisionAsync(CommandContext context, string redemptionId, CancellationToken cancellationToken)
    {
        try
        {
            var settings = await workspaces.GetAsync(context.Workspace, cancellationToken);
            var redemption = await ledger.GetRedemptionAsync(context.Workspace, redemptionId, cancellationToken);
            if (redemption is null) return new Refused(Refusal.UnknownRedemption, redemptionId);
            if (redemption.IsDecided)
                return new RedemptionView(redemption, RedemptionChange.Unchanged,
                    (await ledger.GetMemberAsync(context.Workspace, redemption.Requester, cancellationToken)).Balance.Available);
            return DecisionRules.Check(redemption, context.Actor, settings,
                await ledger.GetMemberAsync(context.Workspace, redemption.Requester, cancellationToken));
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            log.LogError(e, "Storage failed while checking a decision in {Workspace}", context.Workspace);
            return new Refused(Refusal.StorageUnavailable);
        }
    }

    /// <summary>
    /// A redemption as it stands, with its requester's available points (null if there is none): for a platform
    /// that redraws an approval card after a refused click, so the card shows the truth and why nothing happened.
    /// </summary>
    public async Task<RedemptionView?> GetRedemptionAsync(WorkspaceId workspace, string redemptionId, CancellationToken cancellationToken)
    {
        var redemption = await ledger.GetRedemptionAsync(workspace, redemptionId, cancellationToken);
        if (redemption is null) return null;
        var requester = await ledger.GetMemberAsync(workspace, redemption.Requester, cancellationToken);
        return new RedemptionView(redemption, RedemptionChange.Unchanged, requester.Balance.Available);
    }

    private async Task<CommandResult> RewardsAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var rewards = ledger.GetRewardsAsync(context.Workspace, cancellationToken);
        var member = ledger.GetMemberAsync(context.Workspace, context.Actor, cancellationToken);
        return new RewardsView(await rewards, (await member).Balance.Available);
    }

    /// <summary>
    /// The requester's approvers: the admin-set manager if there is one, else the platform directory's manager
    /// (Teams: Microsoft Graph), else the workspace approvers. Nobody approves their own redemption, and an admin who
    /// mapped themselves as the requester's manager does not either: the other workspace approvers do.
    /// </summary>
    public async Task<IReadOnlyList<MemberId>> ResolveApproversAsync(WorkspaceId workspace, MemberId requester, WorkspaceSettings settings, CancellationToken cancellationToken)
    {
        var member = await ledger.GetMemberAsync(workspace, requester, cancellationToken);
        if (member.Manager is { } self && member.IsSelfMappedManager(self))
            return settings.Approvers.Where(a => a != requester && a != self).ToList();
        if (member.Manager is { } mapped && mapped != requester) return [mapped];
        var lookup = managerLookups.FirstOrDefault(l => l.Platform == workspace.Platform);
        if (lookup is not null && await lookup.FindManagerAsync(workspace, requester, cancellationToken) is { } manager && manager != requester)
            return [manager];
        return settings.Approvers.Where(a => a != requester).ToList();
    }

    private async Task<CommandResult> SubscribeAsync(CommandContext context, DigestOnCommand on, WorkspaceSettings settings, CancellationToken cancellationToken)
    {
        if (context.Conversation.Kind == ConversationKind.Direct) return new Refused(Refusal.NotInChannel);
        var subscription = new DigestSubscription(context.Workspace, context.Conversation,
            on.Day ?? settings.DigestDay, on.Time ?? settings.DigestTime, on.TimeZone ?? settings.TimeZone);
        var schedule = $"{subscription.Day} {subscription.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)} {subscription.TimeZone}";
        await digests.SaveAsync(subscription, new AuditEntry(clock.GetUtcNow(), context.Actor, AuditAction.DigestOn, context.Conversation.Id, null, schedule), cancellationToken);
        return new DigestSubscriptionView(context.Conversation.Id, true, subscription.Day, subscription.Time, subscription.TimeZone);
    }

    /// <summary>This week's digest as this conversation would get it: in a DM, where no digest is posted, there is none to preview.</summary>
    private async Task<CommandResult> PreviewAsync(CommandContext context, WorkspaceSettings settings, CancellationToken cancellationToken) =>
        context.Conversation.Kind == ConversationKind.Direct
            ? new Refused(Refusal.NotInChannel)
            : new DigestPreview(await digestBuilder.BuildWeekUntilAsync(context.Workspace, context.Conversation, clock.GetUtcNow(), settings.Zone, cancellationToken));

    private async Task<CommandResult> UnsubscribeAsync(CommandContext context, WorkspaceSettings settings, CancellationToken cancellationToken)
    {
        if (context.Conversation.Kind == ConversationKind.Direct) return new Refused(Refusal.NotInChannel);
        await digests.DeleteAsync(context.Workspace, context.Conversation.Id,
            new AuditEntry(clock.GetUtcNow(), context.Actor, AuditAction.DigestOff, context.Conversation.Id, null, null), cancellationToken);
        return new DigestSubscriptionView(context.Conversation.Id, false, settings.DigestDay, settings.DigestTime, settings.TimeZone);
    }

    private async Task<CommandResult> SettingsAsync(CommandContext context, SettingsCommand command, CancellationToken cancellationToken)
    {
        var state = command switch
        {
            { Setting: MemberSetting.Private, On: { } on } => await ledger.UpdateMemberAsync(context.Workspace, context.Actor, new MemberChange(PrivateCelebrations: on), cancellationToken),
            { Setting: MemberSetting.Dm, On: { } on } => await ledger.UpdateMemberAsync(context.Workspace, context.Actor, new MemberChange(DirectMessagesOff: !on), cancellationToken),
            _ => await ledger.GetMemberAsync(context.Workspace, context.Actor, cancellationToken),
        };
        return new SettingsView(state.PrivateCelebrations, !state.DirectMessagesOff, command.On is null ? null : command.Setting);
    }

    private static HelpView Help(WorkspaceSettings s) =>
        new(s.Values, s.Allowance, s.AllowancePeriod, s.DefaultPoints, s.MaxPoints, s.MaxRecipients, s.PairDailyCap);

    /// <summary>People of another organisation in a shared conversation may look, but not give or redeem.</summary>
    private async Task<bool> IsOutsiderAsync(CommandContext context, CancellationToken cancellationToken) =>
        DirectoryFor(context.Workspace.Platform) is { } directory
        && await directory.FindAsync(context.Workspace, context.Actor, cancellationToken) is { IsOutsider: true };

    public async Task<bool> IsAdminAsync(WorkspaceId workspace, MemberId member, WorkspaceSettings settings, CancellationToken cancellationToken) =>
        settings.Admins.Contains(member) || await IsPlatformAdminAsync(workspace, member, cancellationToken);

    private async Task<bool> IsPlatformAdminAsync(WorkspaceId workspace, MemberId member, CancellationToken cancellationToken)
    {
        var directory = DirectoryFor(workspace.Platform);
        return directory is not null && await directory.FindAsync(workspace, member, cancellationToken) is { IsPlatformAdmin: true };
    }

    private async Task<CommandResult> AdminAsync(CommandContext context, AdminCommand command, WorkspaceSettings settings, CancellationToken cancellationToken)
    {
        if (!await IsAdminAsync(context.Workspace, context.Actor, settings, cancellationToken)) return new Refused(Refusal.NotAdmin);
        var ws = context.Workspace;
        var actor = context.Actor;
        switch (command)
        {
            case AuditLogCommand log:
                return new AuditLogView(await auditLog.LatestAsync(ws, log.Count, cancellationToken));
            case AddRewardCommand add:
                return await ledger.AddRewardAsync(ws, actor, add, cancellationToken);
            case RemoveRewardCommand remove:
                return await ledger.RemoveRewardAsync(ws, actor, remove, cancellationToken);
            case SetAllowanceCommand allowance:
                return await workspaces.DecideAsync(ws, s => AllowanceDecider.Decide(s, allowance, actor, clock.GetUtcNow()), cancellationToken);
            case ChangeValuesCommand values:
                return await workspaces.DecideAsync(ws, s => ValuesDecider.Decide(s, values, actor, clock.GetUtcNow()), cancellationToken);
            case ChangeApproverCommand approver:
                var approverNamed = approver.Add ? await NameAsync(ws, approver.Member, cancellationToken) : null;
                return await workspaces.DecideAsync(ws, s => ApproversDecider.Decide(s, approver, approverNamed, actor, clock.GetUtcNow()), cancellationToken);
            case ChangeAdminCommand change:
                var adminNamed = change.Add ? await NameAsync(ws, change.Member, cancellationToken) : null;
                var platformAdmin = !change.Add && change.Member == actor && await IsPlatformAdminAsync(ws, actor, cancellationToken);
                return await workspaces.DecideAsync(ws, s => AdminsDecider.Decide(new AdminsState(s, adminNamed, platformAdmin), change, actor, clock.GetUtcNow()),
                    cancellationToken);
            case SetManagerCommand manager:
                var agent = await NameAsync(ws, manager.Agent, cancellationToken);
                var boss = await NameAsync(ws, manager.Manager, cancellationToken);
                var above = await ManagersAboveAsync(ws, manager.Manager, manager.Agent, cancellationToken);
                return await ledger.ChangeMemberAsync(ws, manager.Agent,
                    row => ManagerDecider.Decide(new ManagerState(agent, boss, above, row), manager, actor, clock.GetUtcNow()), cancellationToken);
            case SetRoleCommand role:
                var named = await NameAsync(ws, role.Member, cancellationToken);
                return await ledger.ChangeMemberAsync(ws, role.Member, row => RoleDecider.Decide(row, named, role, actor, clock.GetUtcNow()), cancellationToken);
            case SetTimeZoneCommand zone:
                await workspaces.ChangeAsync(ws, actor, AuditAction.TimeZone, null, s => s with { TimeZone = zone.TimeZone }, s => s.TimeZone, cancellationToken);
                return new AdminDone(command);
            case SetCelebrationChannelCommand channel:
                if (channel.Here && context.Conversation.Kind == ConversationKind.Direct) return new Refused(Refusal.NotInChannel);
                await workspaces.ChangeAsync(ws, actor, AuditAction.CelebrationChannel, null,
                    s => s with { CelebrationChannel = channel.Here ? context.Conversation.Id : null }, s => s.CelebrationChannel, cancellationToken);
                return new AdminDone(command);
            case OutboxCommand { Retry: false }:
                return new OutboxView(await outbox.SummarizeAsync(ws, cancellationToken));
            case OutboxCommand { Retry: true }:
                var retried = await outbox.RetryParkedAsync(ws, cancellationToken);
                if (retried > 0) outboxSignal.Wake(ws);
                return new OutboxView(await outbox.SummarizeAsync(ws, cancellationToken), retried);
            default:
                throw new NotSupportedException($"No handler for {command.GetType().Name}");
        }
    }

    /// <summary>
    /// The admin-set managers above <paramref name="member"/>, nearest first: a mapping that would put someone above
    /// their own manager closes a loop. Read up to <paramref name="until"/> at most (no need to look further), and
    /// bounded, so a loop written before this check existed cannot hang a command.
    /// </summary>
    private async Task<IReadOnlyList<MemberId>> ManagersAboveAsync(WorkspaceId workspace, MemberId member, MemberId until, CancellationToken cancellationToken)
    {
        var above = new List<MemberId>();
        var seen = new HashSet<MemberId> { member };
        for (var current = member; above.Count < ManagerDecider.MaxDepth;)
        {
            if ((await ledger.GetMemberAsync(workspace, current, cancellationToken)).Manager is not { } up || !seen.Add(up)) break;
            above.Add(up);
            if (up == until) break;
            current = up;
        }
        return above;
    }

    /// <summary>The platform directory's word on a member an admin names (taken as it is without a directory).</summary>
    private async Task<NamedMember> NameAsync(WorkspaceId workspace, MemberId member, CancellationToken cancellationToken) =>
        DirectoryFor(workspace.Platform) is { } directory
            ? new NamedMember(member, await directory.FindAsync(workspace, member, cancellationToken))
            : new NamedMember(member, null, Asked: false);

    private async Task RememberLocaleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(context.Locale)) return;
        var key = (context.Workspace, context.Actor);
        if (_knownLocales.TryGetValue(key, out var known) && known == context.Locale) return;
        await ledger.UpdateMemberAsync(context.Workspace, context.Actor, new MemberChange(Locale: context.Locale), cancellationToken);
        _knownLocales[key] = context.Locale;
    }

    private IMemberDirectory? DirectoryFor(Platform platform) => directories.FirstOrDefault(d => d.Platform == platform);

    private static bool IsStorageFault(Exception e) => e switch
    {
        RequestFailedException r => r.Status is 0 or >= 500 or 403,
        HttpRequestException or TaskCanceledException or TimeoutException => true,
        AggregateException a => a.InnerExceptions.All(IsStorageFault),
        _ => false,
    };
}
