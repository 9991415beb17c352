using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Kudos;

/// <summary>The rules of giving that need no storage: who, how many points, what message, which values.</summary>
public static class KudosRules
{
    public static Refused? Check(GiveCommand command, MemberId giver, WorkspaceSettings settings)
    {
        if (command.Recipients.Count > settings.MaxRecipients) return new Refused(
            Refusal.TooManyRecipients, settings.MaxRecipients.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (command.Recipients.Contains(giver)) return new Refused(Refusal.SelfKudos);
        var duplicate = command.Recipients.GroupBy(r => r).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) return new Refused(Refusal.DuplicateRecipient, duplicate.Key.Value);
        var points = PointsOf(command, settings);
        if (points < 1 || points > settings.MaxPoints) return new Refused(
            Refusal.PointsOutOfRange, settings.MaxPoints.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var length = command.Message.Trim().Length;
        if (length < settings.MinMessageLength) return new Refused(
            Refusal.MessageTooShort, settings.MinMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (length > settings.MaxMessageLength) return new Refused(
            Refusal.MessageTooLong, settings.MaxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return null;
    }

    /// <summary>The platform's word on each recipient: nobody outside the workspace, no bots, no deactivated users, no outsiders.</summary>
    public static Refused? CheckRecipients(IReadOnlyList<(MemberId Id, MemberProfile? Profile)> recipients)
    {
        foreach (var (id, profile) in recipients)
        {
            if (profile is null) return new Refused(Refusal.UnknownMember, id.Value);
            if (profile.IsDeactivated) return new Refused(Refusal.LeaverRecipient, id.Value);
            if (profile.IsBot) return new Refused(Refusal.BotRecipient, id.Value);
            if (profile.IsOutsider) return new Refused(Refusal.OutsiderRecipient, id.Value);
        }
        return null;
    }

    public static int PointsOf(GiveCommand command, WorkspaceSettings settings) => command.Points ?? settings.DefaultPoints;

    /// <summary>The hashtags that are workspace values; others stay in the text but do not count.</summary>
    public static IReadOnlyList<string> ValuesOf(GiveCommand command, WorkspaceSettings settings) =>
        command.Hashtags
            .Select(Normalize)
            .Where(h => settings.Values.Contains(h, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    public static string Normalize(string hashtag) => "#" + hashtag.TrimStart('#').ToLowerInvariant();
}
