using System.Globalization;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Kudos.Give;

/// <summary>
/// What a composer sent back, as any surface reads it from its inputs: the chosen people, the points as typed (a
/// surface's number input may still send text), the ticked values, the message, the private toggle.
/// </summary>
public sealed record ComposerInput(IReadOnlyList<MemberId> Recipients, string? Points, IReadOnlyList<string> Values, string? Message, bool Private);

/// <summary>A field the giver has to change, and why (a refusal of the core, rendered by each surface in the reader's language).</summary>
public sealed record ComposerFieldError(string Field, Refused Reason);

/// <summary>Either the kudos to give (<see cref="Command"/>) or the fields to fix; never both.</summary>
public sealed record ComposerOutcome(GiveCommand? Command, IReadOnlyList<ComposerFieldError> Errors)
{
    public bool Ok => Command is not null;
}

/// <summary>
/// A composer's submission becomes the same <see cref="GiveCommand"/> the typed <c>/kudos</c> makes, checked by the
/// same <see cref="KudosRules"/>; what is wrong is said on the field it is about. Pure: the ledger's rules (allowance,
/// pair cap) are decided by the give handler as for any kudos, and <see cref="ErrorsFor"/> puts its refusals on a
/// field too.
/// </summary>
public static class ComposerSubmission
{
    public static ComposerOutcome Read(ComposerInput input, MemberId giver, WorkspaceSettings settings)
    {
        var errors = new List<ComposerFieldError>();
        if (input.Recipients.Count == 0) errors.Add(Error(new Refused(Refusal.NoRecipient)));

        int? points = null;
        if (!string.IsNullOrWhiteSpace(input.Points))
        {
            if (int.TryParse(input.Points.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) points = n;
            else errors.Add(Error(new Refused(Refusal.PointsOutOfRange, settings.MaxPoints.ToString(CultureInfo.InvariantCulture))));
        }

        // A value that is no longer the workspace's (removed while the composer was open) is said, not dropped silently.
        var chosen = input.Values.Select(KudosRules.Normalize).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (chosen.FirstOrDefault(v => !settings.Values.Contains(v, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            errors.Add(Error(new Refused(Refusal.UnknownValue, unknown)));

        var message = TextSafety.WithoutDirectionControls(input.Message ?? "").Trim();
        // Hashtags typed in the message count as values too, as in the typed command.
        var typed = Hashtags.Collect(message).Where(h => !chosen.Contains(KudosRules.Normalize(h), StringComparer.OrdinalIgnoreCase));
        IReadOnlyList<string> hashtags = [.. chosen, .. typed];
        var command = new GiveCommand(input.Recipients, points, message, hashtags, input.Private);

        // The rules of any kudos, on every field the reading above did not already refuse.
        if (KudosRules.Check(command, giver, settings) is { } refused && errors.All(e => e.Field != ComposerFields.For(refused.Reason)))
            errors.Add(Error(refused));
        return errors.Count > 0 ? new ComposerOutcome(null, errors) : new ComposerOutcome(command, []);
    }

    /// <summary>A give's result as field errors: its refusal on the field it is about; none when it was given.</summary>
    public static IReadOnlyList<ComposerFieldError> ErrorsFor(CommandResult result) =>
        result is Refused refused ? [Error(refused)] : [];

    private static ComposerFieldError Error(Refused reason) => new(ComposerFields.For(reason.Reason), reason);
}
