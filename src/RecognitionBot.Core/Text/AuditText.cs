using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Text;

/// <summary>
/// An audit row as one sentence in the reader's language ("Ann set Bob's manager: Cat → Dan"), the same on every
/// platform: people as mentions, words admins typed as typed text.
/// </summary>
public static class AuditText
{
    public static IReadOnlyList<Span> Sentence(AuditEntry e, ViewText v)
    {
        Span subject = e.Subject is null ? new TextSpan("") : e.SubjectIsMember ? v.Person(new MemberId(e.Subject)) : ViewText.Typed(e.Subject);
        return v.Compose($"Audit.{e.Action}", v.Person(e.Actor), subject, Value(e, e.Before, v), Value(e, e.After, v),
            e.Note is null ? new TextSpan("") : ViewText.Typed(e.Note));
    }

    private static IReadOnlyList<Span> Value(AuditEntry e, string? value, ViewText v)
    {
        if (string.IsNullOrEmpty(value)) return [new TextSpan(v["Audit.None"])];
        return e.Action switch
        {
            AuditAction.Role => [new TextSpan(v[value == "manager" ? "Audit.RoleManager" : "Audit.RoleMember"])],
            AuditAction.Approved or AuditAction.Rejected when Enum.TryParse<Rewards.RedemptionState>(value, out var state) => [new TextSpan(ResultText.State(state, v.T))],
            AuditAction.Manager or AuditAction.ApproverAdded or AuditAction.ApproverRemoved or AuditAction.AdminAdded or AuditAction.AdminRemoved =>
                v.People(AuditEntry.Members(value)),
            _ => [ViewText.Typed(value)],
        };
    }
}
