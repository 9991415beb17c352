using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Awards;

/// <summary>An approver's choice of a winner from an award card, with an optional catalog reward.</summary>
public sealed record ChooseAwardRequest(
    WorkspaceId Workspace, MemberId Decider, string Period, MemberId Winner, string? RewardId, string? DeliveryKey, WorkspaceSettings Settings);

/// <summary>An award as it stands after a click: <see cref="Changed"/> is false when it had been decided before.</summary>
public sealed record AwardView(Award Award, bool Changed) : CommandResult;

/// <summary>
/// What choosing needs from storage: the award (null when there is none), the reward chosen (null when none was
/// chosen or it is gone), the winner's locale and <see cref="RedemptionId"/>, the id a granted reward's redemption takes.
/// </summary>
public sealed record AwardState(Award? Award, Reward? Reward, string? WinnerLocale, string RedemptionId);

/// <summary>
/// The award decided: the award row, the reward's stock (null when not written), the redemption granting the reward at
/// no cost (null without a reward), the audit row, the posts (every card redrawn, the celebration, the winner's note)
/// and the answer.
/// </summary>
public sealed record AwardDecision(Award Award, Reward? Reward, Redemption? Grant, AuditEntry Audit, IReadOnlyList<OutgoingPost> Posts, AwardView Result);

/// <summary>
/// Choosing a winner: only someone the card went to or a workspace approver, never oneself, only a candidate of the
/// card; the first choice wins and later clicks see it. A reward must still be in the catalog and in stock; it is
/// granted as a completed redemption costing nothing, so it is fulfilled and exported like any other.
/// </summary>
public static class AwardDecider
{
    public static Decided<AwardDecision> Decide(AwardState state, ChooseAwardRequest command, DateTimeOffset now)
    {
        if (state.Award is not { } award) return new Refused(Refusal.UnknownAward, command.Period);
        if (award.IsDecided) return Decided<AwardDecision>.Unchanged(new AwardView(award, Changed: false));
        if (!award.Approvers.Contains(command.Decider) && !command.Settings.Approvers.Contains(command.Decider))
            return new Refused(Refusal.NotAwardApprover);
        if (award.Candidates.All(c => c.Member != command.Winner)) return new Refused(Refusal.NotNominee, command.Winner.Value);
        if (command.Winner == command.Decider) return new Refused(Refusal.SelfAward);

        Reward? stocked = null;
        Redemption? grant = null;
        if (!string.IsNullOrEmpty(command.RewardId))
        {
            if (state.Reward is not { } reward) return new Refused(Refusal.UnknownReward, command.RewardId);
            if (reward.Left is 0) return new Refused(Refusal.OutOfStock, reward.Name);
            stocked = reward.Stock is { } stock ? reward with { Stock = stock - 1 } : null;
            grant = new Redemption(state.RedemptionId, command.Winner, reward.Id, reward.Name, 0, RedemptionState.Completed, [command.Decider], now,
                command.Decider, now, null);
        }

        var decided = award with
        {
            Winner = command.Winner,
            DecidedBy = command.Decider,
            DecidedAt = now,
            RewardName = grant?.RewardName,
            RedemptionId = grant?.Id,
        };
        var settings = command.Settings;
        var posts = new List<OutgoingPost>();
        foreach (var message in award.Messages)
            posts.Add(new OutgoingPost(new ToExistingMessage(message), new AwardCardPost(decided) { Locale = message.Locale ?? settings.DefaultLocale }));
        if (settings.CelebrationChannel is { } channel)
            posts.Add(new OutgoingPost(new ToConversation(channel), new AwardCelebrationPost(decided) { Locale = settings.DefaultLocale }));
        posts.Add(new OutgoingPost(new ToMember(command.Winner), new AwardWonPost(decided) { Locale = state.WinnerLocale ?? settings.DefaultLocale }));

        var audit = new AuditEntry(now, command.Decider, AuditAction.AwardChosen, command.Winner.Value, null, award.Period,
            grant is null ? null : $"{grant.RewardName} ({grant.Id})");
        return new AwardDecision(decided, stocked, grant, audit, posts, new AwardView(decided, Changed: true));
    }
}
