namespace RecognitionBot.Core.Integrations;

/// <summary>An integration's name: one word an admin types again (<c>zendesk</c>, <c>freshdesk-eu</c>), case-insensitive.</summary>
public static class IntegrationNames
{
    public const int MaxLength = 40;

    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The key of a name: the same helpdesk typed in another case is the same integration.</summary>
    public static string Key(string name) => name.ToLowerInvariant();
}
