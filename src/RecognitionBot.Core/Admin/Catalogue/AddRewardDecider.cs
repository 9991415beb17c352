using System.Globalization;
using System.Text;
using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin.Catalogue;

/// <summary>The catalogue as an admin change sees it: the live rewards, and every id ever used (removed rows keep theirs).</summary>
public sealed record CatalogueState(IReadOnlyList<Reward> Live, IReadOnlySet<string> TakenIds);

/// <summary>A reward added: its row, its audit row, the answer.</summary>
public sealed record AddRewardDecision(Reward Reward, AuditEntry Audit, AdminDone Result);

/// <summary>Adding a reward: no two live rewards share a name; the id is a readable slug of the name, never reused.</summary>
public static class AddRewardDecider
{
    public static Decided<AddRewardDecision> Decide(CatalogueState state, AddRewardCommand command, MemberId admin, DateTimeOffset now)
    {
        if (RewardRules.Check(command.Name, command.Cost, command.Stock, command.MonthlyLimit) is { } refused) return refused;
        if (state.Live.Any(r => string.Equals(r.Name, command.Name, StringComparison.OrdinalIgnoreCase)))
            return new Refused(Refusal.RewardExists, command.Name);
        var slug = Slug(command.Name);
        var id = slug;
        for (var n = 2; state.TakenIds.Contains(id); n++) id = $"{slug}-{n}";
        var reward = new Reward(id, command.Name, command.Cost, command.Stock, 0, command.NeedsApproval, command.MonthlyLimit);
        return new AddRewardDecision(
            reward, new AuditEntry(now, admin, AuditAction.RewardAdded, command.Name, null, Describe(reward), id), new AdminDone(command, id));
    }

    /// <summary>How a reward reads in the audit log: its cost and limits, in the words of the admin command that made it.</summary>
    public static string Describe(Reward r) =>
        string.Join(' ', new[]
        {
            r.Cost.ToString(CultureInfo.InvariantCulture),
            r.Stock is { } s ? $"--stock {s}" : null,
            r.NeedsApproval ? null : "--no-approval",
            r.MonthlyLimit is { } m ? $"--monthly-limit {m}" : null,
        }.Where(w => w is not null));

    /// <summary>A readable id from a reward's name: <c>Coffee voucher</c> becomes <c>coffee-voucher</c>.</summary>
    public static string Slug(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if ((char.IsWhiteSpace(c) || c is '-' or '_') && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > 40) slug = slug[..40].Trim('-');
        return slug.Length == 0 ? "reward" : slug;
    }
}
