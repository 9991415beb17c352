using System.Text.Json;
using Microsoft.Extensions.Logging;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;

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

    private async Task<CommandResult> TryGiveAsync(GiveRequest r, bool cached, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = r.Settings;
        var zone = settings.Zone;
        var day = Clock.DayKey(now, zone);

        var giverTask = LoadMemberAsync(r.Workspace, r.Giver, cancellationToken, cached);
        var recipientTasks = r.Recipients.Select(m => LoadMemberAsync(r.Workspace, m, cancellationToken, cached)).ToList();
        var (giver, giverExisted) = await giverTask;
        var recipients = await Task.WhenAll(recipientTasks);

        var allowance = AllowanceOf(giver, settings, now);
        var total = r.Points * r.Recipients.Count;
        if (total > allowance.Left)
            return await RefuseUnlessRepeatedAsync(r.Workspace, r.DeliveryKey,
                new Refused(Refusal.AllowanceExceeded, allowance.Left.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        // Points given today per recipient live on the giver's own row: the row this transaction writes anyway.
        var givenToday = giver.GivenTodayDay == day && !string.IsNullOrEmpty(giver.GivenToday)
            ? JsonSerializer.Deserialize<Dictionary<string, int>>(giver.GivenToday, Json.Options)!
            : new Dictionary<string, int>();
        for (var i = 0; i < r.Recipients.Count; i++)
        {
            var left = settings.PairDailyCap - givenToday.GetValueOrDefault(r.Recipients[i].Value);
            if (r.Points > left)
                return await RefuseUnlessRepeatedAsync(r.Workspace, r.DeliveryKey,
                    new Refused(Refusal.PairCapReached, $"{r.Recipients[i].Value}|{Math.Max(0, left)}"), cancellationToken);
        }

        var kudosId = LedgerKeys.NewId();
        var privateRecipients = recipients.Where(x => x.Entity.PrivateCelebrations).Select(x => new MemberId(x.Entity.MemberId)).ToList();
        var firstTimers = recipients.Where(x => x.Entity.KudosReceived == 0).Select(x => new MemberId(x.Entity.MemberId)).ToList();
        var kudos = new Kudos.Kudos(kudosId, r.Workspace, r.Giver, r.Recipients, r.Points, r.Message, r.Values, r.Conversation, now, r.Private,
            privateRecipients, firstTimers);

        var batch = new Batch(LedgerKeys.Partition(r.Workspace));
        var outcomes = new List<RecipientOutcome>();
        var milestones = new List<Milestone>();
        var isPublic = kudos.PublicRecipients;
        foreach (var (entity, existed) in recipients)
        {
            var member = new MemberId(entity.MemberId);
            var earnedBefore = entity.Earned;
            var reached = new List<Milestone>();
            if (entity.KudosReceived == 0)
            {
                reached.Add(new Milestone(member, MilestoneKind.FirstKudos, 0));
                entity.FirstKudosAt = now;
            }
            entity.Earned += r.Points;
            if (entity.Earned / 100 > earnedBefore / 100)
                reached.Add(new Milestone(member, MilestoneKind.HundredPoints, entity.Earned / 100 * 100));
            entity.KudosReceived++;
            entity.LastKudosAt = now;
            if (isPublic.Contains(member))
            {
                entity.PublicKudosReceived++;
                entity.PublicPointsReceived += r.Points;
                entity.ValueCounts = CountValues(entity.ValueCounts, r.Values);
            }
            batch.Put(entity, existed);
            var balance = BalanceOf(entity);
            outcomes.Add(new RecipientOutcome(member, balance.Available, entity.Earned, reached));
            milestones.AddRange(reached);
            AddMovement(batch, member, now, MovementKind.Received, r.Points, kudosId, r.Giver, Trim(r.Message, 200));
        }

        giver.AllowancePeriod = Clock.PeriodKey(now, zone, settings.AllowancePeriod);
        if (r.GiverLocale is { Length: > 0 } locale) giver.Locale = locale;
        giver.AllowanceUsed = allowance.Used + total;
        batch.Put(giver, giverExisted);
        AddMovement(batch, r.Giver, now, MovementKind.Given, total, kudosId, r.Recipients.Count == 1 ? r.Recipients[0] : null, Trim(r.Message, 200));

        foreach (var m in r.Recipients) givenToday[m.Value] = givenToday.GetValueOrDefault(m.Value) + r.Points;
        giver.GivenTodayDay = day;
        giver.GivenToday = JsonSerializer.Serialize(givenToday, Json.Options);

        batch.Add(new KudosEntity
        {
            RowKey = LedgerKeys.Kudos(now, kudosId),
            KudosId = kudosId,
            Giver = r.Giver.Value,
            Recipients = WriteList(r.Recipients.Select(m => m.Value)),
            Points = r.Points,
            Message = r.Message,
            Values = WriteList(r.Values),
            ConversationId = r.Conversation.Id,
            ConversationKind = r.Conversation.Kind.ToString(),
            TeamId = r.Conversation.TeamId,
            GivenAt = now,
            Private = r.Private,
            PrivateRecipients = WriteList(privateRecipients.Select(m => m.Value)),
            FirstTimeRecipients = WriteList(firstTimers.Select(m => m.Value)),
        });

        if (r.CelebrationTarget is { } target && isPublic.Count > 0)
            AddOutbox(batch, now, target, new CelebrationPost(kudos, milestones.Where(m => isPublic.Contains(m.Member)).ToList()) { Locale = settings.DefaultLocale });
        foreach (var ((entity, _), outcome) in recipients.Zip(outcomes))
        {
            // A member who turned DMs off still hears about private kudos: the DM is their only notice.
            var isPrivateForThem = !isPublic.Contains(outcome.Member);
            if (entity.DirectMessagesOff && !isPrivateForThem) continue;
            AddOutbox(batch, now, new ToMember(outcome.Member),
                new KudosReceivedPost(kudos, outcome.Member, outcome.Available, outcome.Earned) { Locale = entity.Locale ?? settings.DefaultLocale });
        }

        var result = new KudosGiven(kudos, outcomes, allowance with { Used = allowance.Used + total });
        AddOnce(batch, r.DeliveryKey, result);
        await SubmitAsync(batch, r.Workspace, cancellationToken);
        log.LogInformation("Kudos {KudosId} given in {Workspace}: {Points} x {Recipients}", kudosId, r.Workspace, r.Points, r.Recipients.Count);
        return result;
    }

    private static AllowanceView AllowanceOf(MemberEntity giver, WorkspaceSettings settings, DateTimeOffset now)
    {
        var zone = settings.Zone;
        var period = Clock.PeriodKey(now, zone, settings.AllowancePeriod);
        // A period's allowance resets lazily: a row from another period counts as unused.
        var used = giver.AllowancePeriod == period ? giver.AllowanceUsed : 0;
        var limit = giver.IsManager ? settings.ManagerAllowance : settings.Allowance;
        return new AllowanceView(limit, used, Clock.PeriodEnd(now, zone, settings.AllowancePeriod));
    }

    private static MemberBalance BalanceOf(MemberEntity entity) => new(entity.Earned, entity.Spent, entity.Held);

    private static string? CountValues(string? json, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return json;
        var counts = string.IsNullOrEmpty(json) ? new Dictionary<string, int>() : JsonSerializer.Deserialize<Dictionary<string, int>>(json, Json.Options)!;
        foreach (var v in values) counts[v] = counts.GetValueOrDefault(v) + 1;
        return JsonSerializer.Serialize(counts, Json.Options);
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
