using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Kudos.AddOn;
using RecognitionBot.Core.Kudos.Undo;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

public sealed partial class TableLedger
{
    public async Task<Kudos.Kudos?> GetKudosAsync(WorkspaceId workspace, string kudosRef, CancellationToken cancellationToken) =>
        await LoadKudosAsync(workspace, kudosRef, cancellationToken) is { } e ? ToKudos(workspace, e) : null;

    public async Task<CommandResult> AddOnAsync(AddOnRequest request, CancellationToken cancellationToken)
    {
        if (await GetKudosAsync(request.Workspace, request.Kudos, cancellationToken) is not { } found) return new Refused(Refusal.UnknownKudos);
        using (await LockAsync(request.Workspace, found.PublicRecipients.Prepend(request.Adder), cancellationToken))
            return await RetryOnConflictAsync(request.Workspace, request.DeliveryKey, _ => TryAddOnAsync(request, cancellationToken), cancellationToken);
    }

    /// <summary>Loads the kudos, the adder's and the public recipients' rows, lets <see cref="AddOnDecider"/> decide, commits it.</summary>
    private async Task<CommandResult> TryAddOnAsync(AddOnRequest r, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await LoadKudosAsync(r.Workspace, r.Kudos, cancellationToken) is not { } entity) return new Refused(Refusal.UnknownKudos);
        var kudos = ToKudos(r.Workspace, entity);
        var adder = await LoadMemberAsync(r.Workspace, r.Adder, cancellationToken);
        var recipients = await Task.WhenAll(kudos.PublicRecipients.Select(m => LoadMemberAsync(r.Workspace, m, cancellationToken)));
        var adderRow = adder.Entity.ToRow();
        var recipientRows = recipients.Select(x => x.Entity.ToRow()).ToList();

        var decided = AddOnDecider.Decide(new AddOnState(kudos, ReadCelebration(entity), adderRow, recipientRows), r, r.Settings, now);
        if (decided.Decision is not { } d) return await RefuseUnlessRepeatedAsync(r.Workspace, r.DeliveryKey, decided.Refusal!, cancellationToken);

        var batch = new Batch(LedgerKeys.Partition(r.Workspace));
        for (var i = 0; i < recipients.Length; i++)
        {
            recipients[i].Entity.Apply(recipientRows[i], d.Recipients[i]);
            batch.Put(recipients[i].Entity, recipients[i].Existed);
        }
        adder.Entity.Apply(adderRow, d.Adder);
        batch.Put(adder.Entity, adder.Existed);
        entity.Apply(d.Kudos, now);
        batch.Put(entity, existed: true);
        AddCommon(batch, now, d.History, null, d.Posts, r.DeliveryKey, d.Result);
        await SubmitAsync(batch, r.Workspace, cancellationToken);
        log.LogInformation("Add-on of {Points} to kudos {KudosId} in {Workspace}", r.Points, kudos.Id, r.Workspace);
        return d.Result;
    }

    public async Task<CommandResult> UndoAsync(UndoRequest request, CancellationToken cancellationToken)
    {
        if (await GetKudosAsync(request.Workspace, request.Kudos, cancellationToken) is not { } found) return new Refused(Refusal.UnknownKudos);
        using (await LockAsync(request.Workspace, found.Recipients.Prepend(found.Giver), cancellationToken))
            return await RetryOnConflictAsync(request.Workspace, request.DeliveryKey, _ => TryUndoAsync(request, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Loads the kudos, its unsent outbox rows, the giver's and every recipient's rows, lets <see cref="UndoDecider"/>
    /// decide, and commits the reversal, the drops and the redraws as one transaction.
    /// </summary>
    private async Task<CommandResult> TryUndoAsync(UndoRequest r, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await LoadKudosAsync(r.Workspace, r.Kudos, cancellationToken) is not { } entity) return new Refused(Refusal.UnknownKudos);
        var kudos = ToKudos(r.Workspace, entity);
        var giver = await LoadMemberAsync(r.Workspace, kudos.Giver, cancellationToken);
        var recipients = await Task.WhenAll(kudos.Recipients.Select(m => LoadMemberAsync(r.Workspace, m, cancellationToken)));
        var unsent = new List<OutboxEntity>();
        foreach (var key in RowMapping.ReadList(entity.Outbox ?? "[]"))
        {
            var row = await Table.GetEntityIfExistsAsync<OutboxEntity>(LedgerKeys.Partition(r.Workspace), key, cancellationToken: cancellationToken);
            if (row.HasValue && row.Value is { } pending) unsent.Add(pending);
        }
        var giverRow = giver.Entity.ToRow();
        var recipientRows = recipients.Select(x => x.Entity.ToRow()).ToList();

        var state = new UndoState(kudos, ReadCelebration(entity), ReadNotices(entity), [.. unsent.Select(u => u.RowKey)], giverRow, recipientRows);
        var decided = UndoDecider.Decide(state, r, r.Settings, now);
        if (decided.Decision is not { } d) return await RefuseUnlessRepeatedAsync(r.Workspace, r.DeliveryKey, decided.Refusal!, cancellationToken);

        var batch = new Batch(LedgerKeys.Partition(r.Workspace));
        for (var i = 0; i < recipients.Length; i++)
        {
            recipients[i].Entity.Apply(recipientRows[i], d.Recipients[i]);
            batch.Put(recipients[i].Entity, recipients[i].Existed);
        }
        giver.Entity.Apply(giverRow, d.Giver);
        batch.Put(giver.Entity, giver.Existed);
        entity.Apply(d.Kudos, now);
        batch.Put(entity, existed: true);
        // A dispatcher that claimed one of these meanwhile changed its ETag: the batch fails and the undo looks again.
        foreach (var row in unsent.Where(u => d.Drop.Contains(u.RowKey))) batch.Delete(row);
        AddCommon(batch, now, d.History, null, d.Posts, r.DeliveryKey, d.Result);
        await SubmitAsync(batch, r.Workspace, cancellationToken);
        log.LogInformation("Kudos {KudosId} undone in {Workspace}; {Dropped} unsent posts dropped", kudos.Id, r.Workspace, unsent.Count);
        return d.Result;
    }

    public async Task RecordKudosPostAsync(WorkspaceId workspace, Kudos.Kudos kudos, MemberId? recipient, PostedMessage message,
        IReadOnlyList<Milestone> milestones, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var found = await Table.GetEntityIfExistsAsync<KudosEntity>(
                LedgerKeys.Partition(workspace), LedgerKeys.Kudos(kudos.GivenAt, kudos.Id), cancellationToken: cancellationToken);
            if (!found.HasValue || found.Value is not { } entity) return;
            var batch = new Batch(LedgerKeys.Partition(workspace));
            var stored = ToKudos(workspace, entity);
            OutgoingPost? withdraw = null;
            if (recipient is null)
            {
                if (ReadCelebration(entity) is { } known && known.Message.IsSameMessage(message)) return;
                entity.Celebration = JsonSerializer.Serialize(new PostedCelebration(message, milestones), Json.Options);
                // Undone (or added to) before its post was recorded: bring the post up to date at once.
                if (stored.Withdrawn || stored.AddOns.Count > 0)
                    withdraw = new OutgoingPost(new ToExistingMessage(message), new CelebrationPost(stored, milestones) { Locale = message.Locale ?? "en" });
            }
            else
            {
                var notices = ReadNotices(entity).ToList();
                if (notices.Any(n => n.Recipient == recipient && n.Message.IsSameMessage(message))) return;
                notices.Add(new PostedNotice(recipient.Value, message));
                entity.Notices = JsonSerializer.Serialize(notices, Json.Options);
                if (stored.Withdrawn)
                {
                    var row = (await LoadMemberAsync(workspace, recipient.Value, cancellationToken)).Entity.ToRow();
                    withdraw = new OutgoingPost(new ToExistingMessage(message),
                        new KudosReceivedPost(stored, recipient.Value, row.Balance.Available, row.Earned) { Locale = message.Locale ?? "en" });
                }
            }
            batch.Put(entity, existed: true);
            if (withdraw is not null) AddOutbox(batch, clock.GetUtcNow(), withdraw);
            try
            {
                await SubmitAsync(batch, workspace, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status == 412)
            {
            }
        }
    }

    private async Task<KudosEntity?> LoadKudosAsync(WorkspaceId workspace, string kudosRef, CancellationToken cancellationToken)
    {
        if (!KudosRef.TryParse(kudosRef, out var givenAt, out var id)) return null;
        try
        {
            var found = await Table.GetEntityIfExistsAsync<KudosEntity>(
                LedgerKeys.Partition(workspace), LedgerKeys.Kudos(givenAt, id), cancellationToken: cancellationToken);
            return found.HasValue ? found.Value : null;
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            return null;
        }
    }

    private static PostedCelebration? ReadCelebration(KudosEntity e) =>
        string.IsNullOrEmpty(e.Celebration) ? null : JsonSerializer.Deserialize<PostedCelebration>(e.Celebration, Json.Options);

    private static IReadOnlyList<PostedNotice> ReadNotices(KudosEntity e) =>
        string.IsNullOrEmpty(e.Notices) ? [] : JsonSerializer.Deserialize<List<PostedNotice>>(e.Notices, Json.Options) ?? [];
}
