using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Kudos;

/// <summary>The lines a celebration gains: a member's first kudos ever, and every further 100 points earned.</summary>
public static class Milestones
{
    public const int Step = 100;

    public static IReadOnlyList<Milestone> Reached(MemberRow before, int points)
    {
        var reached = new List<Milestone>(1);
        if (before.KudosReceived == 0) reached.Add(new Milestone(before.Member, MilestoneKind.FirstKudos, 0));
        var earned = before.Earned + points;
        // Past the most ever earned: points an undone kudos took back do not celebrate the same hundred twice.
        var celebrated = Math.Max(before.Earned, before.EarnedPeak);
        if (earned / Step > celebrated / Step) reached.Add(new Milestone(before.Member, MilestoneKind.HundredPoints, earned / Step * Step));
        return reached;
    }
}
