using System.Globalization;
using System.Resources;

namespace RecognitionBot.Slack;

/// <summary>The Slack adapter's own user-facing texts (SlackTexts.resx and its translations).</summary>
public static class SlackTexts
{
    public const string CommandFailed = nameof(CommandFailed);
    public const string Working = nameof(Working);
    public const string CommandUnavailable = nameof(CommandUnavailable);
    public const string InstallTitle = nameof(InstallTitle);
    public const string InstallDone = nameof(InstallDone);
    public const string InstallCancelled = nameof(InstallCancelled);
    public const string InstallExpired = nameof(InstallExpired);
    public const string InstallFailed = nameof(InstallFailed);
    public const string InstallUnavailable = nameof(InstallUnavailable);
    public const string UserGroupUnavailable = nameof(UserGroupUnavailable);
    public const string ComposerUnavailable = nameof(ComposerUnavailable);
    public const string AnswerClose = nameof(AnswerClose);

    private static readonly ResourceManager _resources = new("RecognitionBot.Slack.SlackTexts", typeof(SlackTexts).Assembly);

    public static string Get(string name, CultureInfo? culture = null) =>
        _resources.GetString(name, culture ?? CultureInfo.CurrentUICulture)
        ?? throw new InvalidOperationException($"Missing Slack text '{name}'.");

    public static string Format(string name, CultureInfo? culture, params object?[] args) =>
        Core.Text.PluralFormat.Format(culture ?? CultureInfo.CurrentCulture, Get(name, culture), args);
}
