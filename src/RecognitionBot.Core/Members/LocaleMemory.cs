using RecognitionBot.Core.Caching;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Members;

/// <summary>
/// Remembers the language each person last wrote in, so posts to them later (DMs, approval cards, digests) speak it.
/// Written only when it changed: whose locale the ledger already has is kept here, bounded, forgotten after a day unused.
/// </summary>
public sealed class LocaleMemory(ILedger ledger) : IDisposable
{
    private readonly BoundedCache<(WorkspaceId, MemberId), string> _known = new(100_000, TimeSpan.FromDays(1));

    public async Task RememberAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(context.Locale)) return;
        var key = (context.Workspace, context.Actor);
        if (_known.TryGetValue(key, out var known) && known == context.Locale) return;
        await ledger.UpdateMemberAsync(context.Workspace, context.Actor, new MemberChange(Locale: context.Locale), cancellationToken);
        _known[key] = context.Locale;
    }

    public void Dispose() => _known.Dispose();
}
