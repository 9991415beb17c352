using RecognitionBot.Core.Admin.Settings;
using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin.People;

/// <summary>
/// Adding or removing a workspace approver. Adding names a member of this organisation (no bot, no outsider);
/// removing does not need one, so an admin can clean up after someone who left.
/// </summary>
public static class ApproversDecider
{
    /// <summary>Decides with <paramref name="named"/>: the directory's word on the member, asked when adding (null when removing).</summary>
    public static Decided<SettingsChange> Decide(WorkspaceSettings settings, ChangeApproverCommand command, NamedMember? named, MemberId admin, DateTimeOffset now)
    {
        if (command.Add && named?.Refusal is { } refused) return refused;
        var next = settings with
        {
            Approvers = command.Add ? settings.Approvers.Append(command.Member).Distinct().ToList() : settings.Approvers.Where(a => a != command.Member).ToList(),
        };
        return SettingsChange.Of(settings, next, s => AuditEntry.Join(s.Approvers), admin,
            command.Add ? AuditAction.ApproverAdded : AuditAction.ApproverRemoved, command.Member.Value, new AdminDone(command), now);
    }
}
