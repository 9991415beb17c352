using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Audit;

/// <summary>What an admin change or an approval decision was about.</summary>
public enum AuditAction
{
    Allowance,
    ValueAdded,
    ValueRemoved,
    ApproverAdded,
    ApproverRemoved,
    AdminAdded,
    AdminRemoved,
    Manager,
    Role,
    TimeZone,
    CelebrationChannel,
    RewardAdded,
    RewardRemoved,
    DigestOn,
    DigestOff,
    Approved,
    Rejected,
    /// <summary>The platform said the subject left (deactivated, disabled or removed from the organisation).</summary>
    MemberLeft,
    /// <summary>The platform said the subject is back (reactivated).</summary>
    MemberReturned,
    Language,
    RewardEdited,
    RewardRestocked,
    /// <summary>A helpdesk integration created (subject: its name; note: its id).</summary>
    IntegrationAdded,
    IntegrationRemoved,
    /// <summary>The company budget for customer kudos points set: before and after.</summary>
    Budget,
    /// <summary>An award's winner chosen (subject: the winner; after: the period; note: the reward granted, if any).</summary>
    AwardChosen,
}

/// <summary>
/// One line of the audit log: who did what to whom or what, the value before and after, and when. Written by the
/// same transaction as the change it records, so a change never lacks its row and a refused change has none.
/// </summary>
/// <param name="At">When the change was committed.</param>
/// <param name="Actor">The admin who changed it, or the approver who decided.</param>
/// <param name="Action">What kind of change.</param>
/// <param name="Subject">The member or thing changed: a member id for member actions, a reward name, a conversation id.</param>
/// <param name="Before">The value before (member ids joined by ", " for member lists); null when there was none.</param>
/// <param name="After">The value after; null when there is none now.</param>
/// <param name="Note">Anything else worth keeping: a reward's id, a rejection's reason.</param>
public sealed record AuditEntry(
    DateTimeOffset At,
    MemberId Actor,
    AuditAction Action,
    string? Subject,
    string? Before,
    string? After,
    string? Note = null)
{
    /// <summary>Whether <see cref="Subject"/> names a member (renderers mention them).</summary>
    public bool SubjectIsMember => Action is AuditAction.ApproverAdded or AuditAction.ApproverRemoved or AuditAction.AdminAdded
        or AuditAction.AdminRemoved or AuditAction.Manager or AuditAction.Role or AuditAction.Approved or AuditAction.Rejected
        or AuditAction.MemberLeft or AuditAction.MemberReturned or AuditAction.AwardChosen;

    /// <summary>Member ids in a before or after value.</summary>
    public static IReadOnlyList<MemberId> Members(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(v => new MemberId(v)).ToList();

    public static string? Join(IEnumerable<MemberId> members) => members.Any() ? string.Join(", ", members.Select(m => m.Value)) : null;
}
