using RecognitionBot.Core.Awards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Infrastructure;

/// <summary>Awards as the contract tests render them: open with and without rewards, decided, yearly.</summary>
public static class AwardSamples
{
    public static Award Month(DateTimeOffset now, MemberId ann, MemberId bob, MemberId approver, bool rewards = true) => new(
        "2026-11", AwardKind.Month,
        [
            new AwardCandidate(bob, 4, [new AwardReason(ann, "Calm with *every* angry caller <!here> & more"), new AwardReason(approver, "Fixed the IVR")],
                12, 130, ["#empathy", "#teamwork"], approver),
            new AwardCandidate(ann, 1, [new AwardReason(bob, "Covered my shift")], 0, 0, [], null),
        ],
        rewards ? [new AwardOption("gift-card", "Gift card <b>50</b>"), new AwardOption("lunch", "Team lunch")] : [],
        [approver], now);

    public static Award Decided(DateTimeOffset now, MemberId ann, MemberId bob, MemberId approver) =>
        Month(now, ann, bob, approver) with { Winner = bob, DecidedBy = approver, DecidedAt = now, RewardName = "Gift card", RedemptionId = "r9" };

    public static Award Year(DateTimeOffset now, MemberId ann, MemberId bob, MemberId approver) => new(
        "2026", AwardKind.Year,
        [
            new AwardCandidate(bob, 6, [new AwardReason(ann, "Calm with every caller")], 80, 900, ["#empathy"], approver)
            {
                MonthsWon = ["2026-03", "2026-11"],
            },
            new AwardCandidate(ann, 2, [], 40, 300, [], null) { MonthsWon = ["2026-05"] },
        ],
        [new AwardOption("gift-card", "Gift card")], [approver], now);
}
