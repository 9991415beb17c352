using System.Resources;
using RecognitionBot.Core.Text;

namespace RecognitionBot.Teams.Cards;

/// <summary>The core's text catalogue plus the few sentences only Teams needs (TeamsStrings.resx), in one locale.</summary>
public sealed class TeamsTexts(Texts core)
{
    private static readonly ResourceManager Resources = new("RecognitionBot.Teams.TeamsStrings", typeof(TeamsTexts).Assembly);

    public Texts Core { get; } = core;

    /// <summary>A Teams-only sentence.</summary>
    public string this[string key] => Resources.GetString(key, Core.Culture) ?? key;

    public string Format(string key, params object?[] args) => RecognitionBot.Core.Text.PluralFormat.Format(Core.Culture, this[key], args);

    /// <summary>
    /// How people call the bot in Teams: by mentioning it (the app's short name in manifest/teams/manifest.json).
    /// Our examples and quoted commands say this instead of "/kudos", which is Slack's.
    /// </summary>
    public const string Invocation = "@Kudos";

    public static TeamsTexts For(params string?[] locales) => new(Texts.For(locales).WithInvocation(Invocation));

    /// <summary>
    /// The core's views for a Teams reader: their language and the workspace's zone, with "@Kudos" wherever our
    /// sentences say "/kudos" (help, examples, quoted commands).
    /// </summary>
    public static RecognitionBot.Core.Views.ViewText View(RecognitionBot.Core.Workspaces.Reader reader) =>
        new(reader.Texts.WithInvocation(Invocation), reader.Zone);

    /// <summary>For the reader the core handed back: their language, else the workspace's.</summary>
    public static TeamsTexts For(RecognitionBot.Core.Workspaces.Reader reader) => For(reader.Locale, reader.DefaultLocale);
}
