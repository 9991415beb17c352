using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Text;

/// <summary>
/// An audit row as one sentence in the reader's language ("Ann set Bob's manager: Cat → Dan"), the same on every
/// platform. The platform passes its way of writing a mention and of escaping words admins typed.
/// </summary>
public static class AuditText
{
    public static string Sentence(AuditEntry e, Texts t, Func<MemberId, string> mention, Func<string, string> escape)
    {
        var subject = e.Subject is null ? "" : e.SubjectIsMember ? mention(new MemberId(e.Subject)) : escape(e.Subject);
        return t.Format($"Audit.{e.Action}", mention(e.Actor), subject, Value(e, e.Before, t, mention, escape), Value(e, e.After, t, mention, escape),
            e.Note is null ? "" : escape(e.Note));
    }

    private static string Value(AuditEntry e, string? value, Texts t, Func<MemberId, string> mention, Func<string, string> escape)
    {
        if (string.IsNullOrEmpty(value)) return t["Audit.None"];
        return e.Action switch
        {
            AuditAction.Role => t[value == "manager" ? "Audit.RoleManager" : "Audit.RoleMember"],
            AuditAction.Approved or AuditAction.Rejected when Enum.TryParse<Rewards.RedemptionState>(value, out var state) => ResultText.State(state, t),
            AuditAction.Manager or AuditAction.ApproverAdded or AuditAction.ApproverRemoved or AuditAction.AdminAdded or AuditAction.AdminRemoved =>
                t.List(AuditEntry.Members(value).Select(mention).ToList()),
            _ => escape(value),
        };
    }

    /// <summary>Everyone a row mentions, so a platform can load their names first.</summary>
    public static IEnumerable<MemberId> People(AuditEntry e)
    {
        yield return e.Actor;
        if (e.SubjectIsMember && e.Subject is not null) yield return new MemberId(e.Subject);
        if (e.Action is AuditAction.Manager or AuditAction.ApproverAdded or AuditAction.ApproverRemoved or AuditAction.AdminAdded or AuditAction.AdminRemoved)
            foreach (var m in AuditEntry.Members(e.Before).Concat(AuditEntry.Members(e.After))) yield return m;
    }
}
