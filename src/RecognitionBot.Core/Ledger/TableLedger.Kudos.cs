using Microsoft.Extensions.Logging;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos.Give;

namespace RecognitionBot.Core.Ledger;

public sealed partial class TableLedger
{
    public async Task<CommandResult> GiveAsync(GiveRequest request, CancellationToken cancellationToken)
    {
        using (await LockAsync(request.Workspace, request.Recipients.Prepend(request.Giver), cancellationToken))
        {
            // The first attempt trusts this instance's cached rows; a conflict or a refusal looks at storage itself.
            return await RetryOnConflictAsync(request.Workspace, request.DeliveryKey, async attempt =>
            {
                var result = await TryGiveAsync(request, cached: attempt == 0, cancellationToken);
                return result is Refused && attempt == 0 ? await TryGiveAsync(request, cached: false, cancellationToken) : result;
            }, cancellationToken, checkDeliveryFirst: false);
        }
    }

    /// <summary>Loads the giver's and the recipients' rows, lets <see cref="GiveDecider"/> decide, commits what it decided.</summary>
    private async Task<CommandResult> TryGiveAsync(GiveRequest r, bool cached, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var giverTask = LoadMemberAsync(r.Workspace, r.Giver, cancellationToken, cached);
        var recipientTasks = r.Recipients.Select(m => LoadMemberAsync(r.Workspace, m, cancellationToken, cached)).ToList();
        var giver = await giverTask;
        var recipients = await Task.WhenAll(recipientTasks);
        var giverRow = giver.Entity.ToRow();
        var recipientRows = recipients.Select(x => x.Entity.ToRow()).ToList();

        var decided = GiveDecider.Decide(new GiveState(giverRow, recipientRows, LedgerKeys.NewId()), r, r.Settings, now);
        if (decided.Decision is not { } d) return await RefuseUnlessRepeatedAsync(r.Workspace, r.DeliveryKey, decided.Refusal!, cancellationToken);

        var batch = new Batch(LedgerKeys.Partition(r.Workspace));
        for (var i = 0; i < recipients.Length; i++)
        {
            recipients[i].Entity.Apply(recipientRows[i], d.Recipients[i]);
            batch.Put(recipients[i].Entity, recipients[i].Existed);
        }
        giver.Entity.Apply(giverRow, d.Giver);
        batch.Put(giver.Entity, giver.Existed);
        var kudos = d.Kudos.ToEntity();
        batch.Add(kudos);
        AddCommon(batch, now, d.History, null, d.Posts, r.DeliveryKey, d.Result);
        // The kudos remembers its outbox rows: an undo before they are posted drops them in its own transaction.
        if (batch.Posts.Count > 0) kudos.Outbox = RowMapping.WriteList(batch.Posts.Select(p => batch.Actions[p.Index].Entity.RowKey));
        await SubmitAsync(batch, r.Workspace, cancellationToken);
        log.LogInformation("Kudos {KudosId} given in {Workspace}: {Points} x {Recipients}", d.Kudos.Id, r.Workspace, r.Points, r.Recipients.Count);
        return d.Result;
    }
}
