using RecognitionBot.Core.Text;

namespace RecognitionBot.Core.Workspaces;

/// <summary>
/// What a renderer needs to know about whoever reads an answer or a post: their language, the workspace's
/// fallback language and its time zone. The core hands it back with every answer (and the outbox with every
/// post), so no adapter reads the workspace's settings to render.
/// </summary>
public sealed record Reader(string? Locale, string DefaultLocale, TimeZoneInfo Zone)
{
    /// <summary>A reader of a workspace whose settings could not be read: English, UTC, unless the reader says otherwise.</summary>
    public static Reader Default(string? locale) => For(locale, Defaults);

    public static Reader For(string? locale, WorkspaceSettings settings) => new(locale, settings.DefaultLocale, settings.Zone);

    private static readonly WorkspaceSettings Defaults = new();

    /// <summary>The catalogue in the reader's language, else the workspace's, else English.</summary>
    public Texts Texts => Texts.For(Locale, DefaultLocale);
}
