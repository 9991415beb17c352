using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin.Settings;

/// <summary>Adding or removing a workspace value: only one not there yet, only one that is (case does not matter).</summary>
public static class ValuesDecider
{
    public static Decided<SettingsChange> Decide(WorkspaceSettings settings, ChangeValuesCommand command, MemberId admin, DateTimeOffset now)
    {
        var value = KudosRules.Normalize(command.Value);
        var has = settings.Values.Contains(value, StringComparer.OrdinalIgnoreCase);
        if (command.Add && has) return new Refused(Refusal.ValueExists, value);
        if (!command.Add && !has) return new Refused(Refusal.UnknownValue, value);
        var next = settings with
        {
            Values = command.Add ? [.. settings.Values, value] : settings.Values.Where(v => !string.Equals(v, value, StringComparison.OrdinalIgnoreCase)).ToList(),
        };
        return SettingsChange.Of(settings, next, s => string.Join(' ', s.Values), admin,
            command.Add ? AuditAction.ValueAdded : AuditAction.ValueRemoved, value, new AdminDone(command, value), now);
    }
}
