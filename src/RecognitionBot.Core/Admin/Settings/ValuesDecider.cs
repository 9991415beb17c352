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
        // The chat parser reads only whole tags; the dashboard's form reaches here without it.
        if (!Hashtags.TryRead("#" + command.Value.Trim().TrimStart('#'), out _))
            return Decided<SettingsChange>.Unchanged(new NotUnderstood(ParseError.BadValue, command.Value));
        var value = KudosRules.Normalize(command.Value.Trim());
        var has = settings.Values.Contains(value, StringComparer.OrdinalIgnoreCase);
        if (command.Add && has) return new Refused(Refusal.ValueExists, value);
        if (!command.Add && !has) return new Refused(Refusal.UnknownValue, value);
        var next = settings with
        {
            Values = command.Add ? [.. settings.Values, value]
                : settings.Values.Where(v => !string.Equals(v, value, StringComparison.OrdinalIgnoreCase)).ToList(),
        };
        return SettingsChange.Of(settings, next, s => string.Join(' ', s.Values), admin,
            command.Add ? AuditAction.ValueAdded : AuditAction.ValueRemoved, value, new AdminDone(command, value), now);
    }
}
