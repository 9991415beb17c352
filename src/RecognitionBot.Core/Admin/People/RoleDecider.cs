using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin.People;

/// <summary>Making a member a manager (the manager allowance) or a member again: only a member of this organisation.</summary>
public static class RoleDecider
{
    public static Decided<MemberChangeDecision> Decide(MemberRow row, NamedMember named, SetRoleCommand command, MemberId admin, DateTimeOffset now)
    {
        if (named.Refusal is { } refused) return refused;
        return new MemberChangeDecision(row with { IsManager = command.Manager },
            new AuditEntry(now, admin, AuditAction.Role, command.Member.Value, RoleName(row.IsManager), RoleName(command.Manager)), new AdminDone(command));
    }

    private static string RoleName(bool manager) => manager ? "manager" : "member";
}
