using RecognitionBot.Core.Admin.Settings;
using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin.People;

/// <summary>
/// What changing the admins needs besides the settings: the directory's word on a member being added, and whether
/// the admin removing themselves is a platform admin (who stays an admin whatever the list says).
/// </summary>
public sealed record AdminsState(WorkspaceSettings Settings, NamedMember? Named, bool ActorIsPlatformAdmin);

/// <summary>
/// Adding or removing a bot admin. Adding names a member of this organisation; the last admin may not remove
/// themselves, which could leave a workspace (a Teams tenant) with nobody to run it, unless the platform makes them one.
/// </summary>
public static class AdminsDecider
{
    public static Decided<SettingsChange> Decide(AdminsState state, ChangeAdminCommand command, MemberId admin, DateTimeOffset now)
    {
        var settings = state.Settings;
        if (command.Add && state.Named?.Refusal is { } refused) return refused;
        if (!command.Add && command.Member == admin && settings.Admins.All(a => a == admin) && !state.ActorIsPlatformAdmin)
            return new Refused(Refusal.LastAdmin);
        var next = settings with
        {
            Admins = command.Add ? settings.Admins.Append(command.Member).Distinct().ToList() : settings.Admins.Where(a => a != command.Member).ToList(),
        };
        return SettingsChange.Of(settings, next, s => AuditEntry.Join(s.Admins), admin,
            command.Add ? AuditAction.AdminAdded : AuditAction.AdminRemoved, command.Member.Value, new AdminDone(command), now);
    }
}
