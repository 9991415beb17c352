using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Infrastructure;

/// <summary>One audit row of every kind, with awkward words where admins type them: input for the renderers' contract checks.</summary>
public static class AuditSamples
{
    public static IReadOnlyList<AuditEntry> Entries(DateTimeOffset now, MemberId admin, MemberId member, MemberId manager, string typed) =>
        Enum.GetValues<AuditAction>().Select((action, i) => action switch
        {
            AuditAction.Manager => new AuditEntry(now.AddMinutes(-i), admin, action, member.Value, null, manager.Value),
            AuditAction.Role => new AuditEntry(now.AddMinutes(-i), admin, action, member.Value, "member", "manager"),
            AuditAction.ApproverAdded or AuditAction.AdminAdded =>
                new AuditEntry(now.AddMinutes(-i), admin, action, member.Value, manager.Value, $"{manager.Value}, {member.Value}"),
            AuditAction.ApproverRemoved or AuditAction.AdminRemoved => new AuditEntry(now.AddMinutes(-i), admin, action, member.Value, member.Value, null),
            AuditAction.Approved or AuditAction.Rejected =>
                new AuditEntry(now.AddMinutes(-i), manager, action, member.Value, "Pending", action.ToString(), $"{typed} (r1): {typed}"),
            AuditAction.RewardAdded or AuditAction.RewardRemoved => new AuditEntry(now.AddMinutes(-i), admin, action, typed, null, "300 --stock 2", "coffee"),
            _ => new AuditEntry(now.AddMinutes(-i), admin, action, typed, typed, "20 weekly"),
        }).ToList();
}
