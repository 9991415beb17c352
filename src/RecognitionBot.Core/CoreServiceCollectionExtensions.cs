using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RecognitionBot.Core.Admin;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Digests.Preview;
using RecognitionBot.Core.Digests.Subscriptions;
using RecognitionBot.Core.Kudos.AddOn;
using RecognitionBot.Core.Kudos.Balance;
using RecognitionBot.Core.Kudos.Give;
using RecognitionBot.Core.Kudos.Help;
using RecognitionBot.Core.Kudos.History;
using RecognitionBot.Core.Kudos.Leaderboard;
using RecognitionBot.Core.Kudos.Undo;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards.Cancel;
using RecognitionBot.Core.Rewards.Decide;
using RecognitionBot.Core.Rewards.List;
using RecognitionBot.Core.Rewards.Redeem;
using RecognitionBot.Core.Settings;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The core: storage, ledger, outbox, digests and the command service. Options come from section <c>Storage</c>.</summary>
    public static IServiceCollection AddRecognitionCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TableStore>();
        services.AddSingleton<Orgs.LedgerPartitions>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxSignal>());
        services.AddSingleton<TableLedger>();
        services.AddSingleton<ILedger>(sp => sp.GetRequiredService<TableLedger>());
        services.AddSingleton<WorkspaceStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<UndeliveredPosts>();
        services.AddSingleton<PostedPosts>();
        services.AddSingleton<RecentLeaderboards>();
        services.AddSingleton<DigestSubscriptions>();
        services.AddSingleton<Conversations.ConversationDirectory>();
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<DigestPublisher>();
        services.AddSingleton<Audit.IAuditLog, Audit.TableAuditLog>();
        services.AddSingleton<Membership>();
        services.AddSingleton<LocaleMemory>();
        services.AddSingleton<Approvers>();
        services.AddSingleton<RedemptionQueries>();
        services.AddSingleton<Members.Leavers.PersonLeftHandler>();
        services.AddSingleton<Integrations.ICustomerLedger>(sp => sp.GetRequiredService<TableLedger>());
        services.AddSingleton<Integrations.IntegrationDirectory>();
        services.TryAddSingleton<Integrations.ISecretProtector, Integrations.NoSecretProtector>();
        services.AddSingleton<Integrations.CustomerKudosHandler>();
        services.AddSingleton<Awards.IAwardLedger>(sp => sp.GetRequiredService<TableLedger>());
        services.AddSingleton<Awards.AwardPublisher>();
        services.AddCommandHandlers();
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<CommandPipeline>();
        services.AddSingleton<RecognitionService>();
        return services;
    }

    // One line per use case; the dispatcher refuses two handlers for one command when it is built.
    private static void AddCommandHandlers(this IServiceCollection services)
    {
        services.AddHandler<GiveHandler>();
        services.AddHandler<AddOnHandler>();
        services.AddHandler<UndoHandler>();
        services.AddHandler<ComposeHandler>();
        services.AddHandler<SubmitComposerHandler>();
        services.AddHandler<Home.HomeHandler>();
        services.AddHandler<BalanceHandler>();
        services.AddHandler<HistoryHandler>();
        services.AddHandler<LeaderboardHandler>();
        services.AddHandler<HelpHandler>();
        services.AddHandler<RewardsHandler>();
        services.AddHandler<RedeemHandler>();
        services.AddHandler<DecideHandler>();
        services.AddHandler<CancelHandler>();
        services.AddHandler<DigestOnHandler>();
        services.AddHandler<DigestOffHandler>();
        services.AddHandler<DigestPreviewHandler>();
        services.AddHandler<SettingsHandler>();
        services.AddHandler<AuditLogHandler>();
        services.AddHandler<AddRewardHandler>();
        services.AddHandler<RemoveRewardHandler>();
        services.AddHandler<SetAllowanceHandler>();
        services.AddHandler<ChangeValuesHandler>();
        services.AddHandler<ChangeApproverHandler>();
        services.AddHandler<ChangeAdminHandler>();
        services.AddHandler<SetManagerHandler>();
        services.AddHandler<SetRoleHandler>();
        services.AddHandler<SetTimeZoneHandler>();
        services.AddHandler<SetLanguageHandler>();
        services.AddHandler<SetCelebrationChannelHandler>();
        services.AddHandler<OutboxHandler>();
        services.AddHandler<EditRewardHandler>();
        services.AddHandler<RestockRewardHandler>();
        services.AddHandler<Dashboard.OverviewHandler>();
        services.AddHandler<Dashboard.ExportHandler>();
        services.AddHandler<Dashboard.AdminSettingsHandler>();
        services.AddHandler<Kudos.Channel.ChannelBoardHandler>();
        services.AddHandler<Members.Roles.RolesHandler>();
        services.AddHandler<Members.People.MyPeopleHandler>();
        services.AddHandler<Integrations.AddIntegrationHandler>();
        services.AddHandler<Integrations.ListIntegrationsHandler>();
        services.AddHandler<Integrations.RemoveIntegrationHandler>();
        services.AddHandler<Integrations.BudgetHandler>();
        services.AddHandler<Awards.NominateHandler>();
        services.AddHandler<Awards.ChooseAwardHandler>();
    }

    // Also as itself: a handler may hand its command on to another (the composer's submission to the give handler).
    private static void AddHandler<THandler>(this IServiceCollection services) where THandler : class, ICommandHandler
    {
        services.AddSingleton<THandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<THandler>());
    }
}
