using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
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
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxSignal>());
        services.AddSingleton<TableLedger>();
        services.AddSingleton<ILedger>(sp => sp.GetRequiredService<TableLedger>());
        services.AddSingleton<WorkspaceStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<UndeliveredPosts>();
        services.AddSingleton<PostedPosts>();
        services.AddSingleton<DigestSubscriptions>();
        services.AddSingleton<Conversations.ConversationDirectory>();
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<DigestPublisher>();
        services.AddSingleton<Audit.IAuditLog, Audit.TableAuditLog>();
        services.AddSingleton<RecognitionService>();
        return services;
    }
}
