using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Views;

/// <summary>
/// A piece of a line, typed by where its words came from, so each surface escapes it once and in the right way:
/// our own catalogue words are trusted, words people typed never become markup or pings, people become mentions.
/// </summary>
public abstract record Span;

/// <summary>Our own words from the catalogue. A command in backticks (<c>`/kudos help`</c>) is shown as a command.</summary>
public sealed record TextSpan(string Text) : Span;

/// <summary>
/// A person. <see cref="Notify"/> false: write their name without a mention, as a mention notifies them (a private
/// recipient in a confirmation, an outsider refused as a recipient). Surfaces that cannot name the person say
/// <see cref="Unknown"/> (the one "unknown person" rule for every platform).
/// </summary>
public sealed record MentionSpan(MemberId Member, string Unknown, bool Notify = true) : Span;

/// <summary>Someone we do not know at all (a history line without a counterparty): the catalogue's "someone".</summary>
public sealed record UnknownPersonSpan(string Text) : Span;

/// <summary>Words someone typed (a reward name, a value, a note, a reason): always literal.</summary>
public sealed record UserTextSpan(string Text) : Span;

/// <summary>An identifier people may type back (a reward id): literal, shown as code where the surface has it.</summary>
public sealed record CodeSpan(string Text) : Span;

/// <summary>A number of points (or any count), already written in the reader's culture.</summary>
public sealed record PointsSpan(int Value, string Text) : Span;

/// <summary>A moment, already written in the reader's culture and the workspace's zone.</summary>
public sealed record DateSpan(DateTimeOffset At, string Text) : Span;

/// <summary>A channel or conversation: a link where the surface has one, its name (or id) otherwise.</summary>
public sealed record ConversationSpan(string ConversationId) : Span;

/// <summary>
/// A kudos message or other quoted words: literal, except the members the core wrote as <c>&lt;@id&gt;</c>, which are
/// real mentions. Always the only span of its line.
/// </summary>
public sealed record QuoteSpan(string Text) : Span;

/// <summary>
/// A link to something on the platform (the message a kudos was given for): <see cref="Label"/> is our own words,
/// <see cref="Url"/> the platform's address. Surfaces link it where they can; <see cref="IsSafe"/> keeps anything
/// but an https address out.
/// </summary>
public sealed record LinkSpan(string Url, string Label) : Span
{
    public bool IsSafe => Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
