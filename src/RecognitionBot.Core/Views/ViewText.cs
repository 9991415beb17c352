using System.Text;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Views;

/// <summary>
/// Writes catalogue sentences as spans, in the reader's language and the workspace's zone. A sentence's arguments
/// that are spans (people, typed words, points, dates) stay typed: the sentence is formatted with a placeholder for
/// each and then cut at the placeholders, so no typed word is ever part of our own text.
/// </summary>
public sealed class ViewText(Texts texts, TimeZoneInfo zone)
{
    // Control characters: never in our catalogue, and a typed word cannot reach the formatted template.
    private const char Open = '\u0001', Close = '\u0002';

    public Texts T { get; } = texts;
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>For the reader the core answered with: their language (else the workspace's) and the workspace's zone.</summary>
    public static ViewText For(Reader reader) => new(reader.Texts, reader.Zone);

    public string this[string key] => T[key];

    /// <summary>The same texts with dates in another zone (a digest is written in its own schedule's zone).</summary>
    public ViewText In(TimeZoneInfo zone) => new(T, zone);

    /// <summary>
    /// The sentence <paramref name="key"/> with its arguments: a <see cref="Span"/> or a list of spans stays as it is;
    /// anything else is formatted into our own text (so pass typed words as <see cref="UserTextSpan"/>).
    /// </summary>
    public IReadOnlyList<Span> Compose(string key, params object?[] args) => Fill(T[key], args);

    public ViewLine Line(string key, params object?[] args) => new(Compose(key, args));

    public ViewLine Line(LineStyle style, LineMark mark, string key, params object?[] args) => new(Compose(key, args), style, mark);

    public PointsSpan Points(int value) => new(value, T.Number(value));

    public DateSpan When(DateTimeOffset at) => new(at, T.When(at, Zone));

    public DateSpan Day(DateTimeOffset at) => new(at, T.Day(at, Zone));

    public DateSpan RenewalDay(DateTimeOffset at) => new(at, T.RenewalDay(at, Zone));

    /// <summary>A person; surfaces that cannot name them say the catalogue's "someone".</summary>
    public MentionSpan Person(MemberId member, bool notify = true) => new(member, T["Person.Unknown"], notify);

    /// <summary>The other side of a movement: a person, or "someone" when the ledger did not record one.</summary>
    public Span Counterparty(MemberId? member) => member is { } m ? Person(m) : new UnknownPersonSpan(T["Person.Unknown"]);

    public static UserTextSpan Typed(string? text) => new(text ?? "");

    /// <summary>People or things in a sentence: "A", "A and B", "A, B and C", in the reader's language.</summary>
    public IReadOnlyList<Span> List(IReadOnlyList<Span> items) => items.Count switch
    {
        0 => [],
        1 => [items[0]],
        _ => Compose("List.And", Joined(items.Take(items.Count - 1), ", "), items[^1]),
    };

    public IReadOnlyList<Span> People(IEnumerable<MemberId> members) => List([.. members.Select(m => Person(m))]);

    public static IReadOnlyList<Span> Joined(IEnumerable<Span> items, string separator)
    {
        var spans = new List<Span>();
        foreach (var item in items)
        {
            if (spans.Count > 0) spans.Add(new TextSpan(separator));
            spans.Add(item);
        }
        return spans;
    }

    /// <summary>
    /// Spans as plain words, for a field that takes no markup (a modal's error) or a log: people as <c>@id</c>, the
    /// channel as <c>#id</c>. Nothing is escaped: the caller's surface must not read it as markup.
    /// </summary>
    public static string Plain(IEnumerable<Span> spans) => string.Concat(spans.Select(span => span switch
    {
        TextSpan t => t.Text,
        UserTextSpan u => u.Text,
        CodeSpan c => c.Text,
        PointsSpan p => p.Text,
        DateSpan d => d.Text,
        MentionSpan m => "@" + m.Member.Value,
        UnknownPersonSpan u => u.Text,
        ConversationSpan c => "#" + c.ConversationId,
        QuoteSpan q => q.Text,
        LinkSpan l => l.IsSafe ? $"{l.Label} ({l.Url})" : l.Label,
        _ => throw new NotSupportedException($"No words for {span.GetType().Name}."),
    }));

    /// <summary>Lines that follow one another as one run of spans (" " between them), as a sentence plus its addendum.</summary>
    public static IReadOnlyList<Span> Then(IReadOnlyList<Span> first, IReadOnlyList<Span> next) => Merge([.. first, new TextSpan(" "), .. next]);

    private IReadOnlyList<Span> Fill(string template, object?[] args)
    {
        var slots = new object?[args.Length];
        var typed = new List<IReadOnlyList<Span>>();
        for (var i = 0; i < args.Length; i++)
        {
            IReadOnlyList<Span>? spans = args[i] switch
            {
                Span span => [span],
                IReadOnlyList<Span> list => list,
                _ => null,
            };
            if (spans is null)
            {
                slots[i] = args[i];
                continue;
            }
            slots[i] = new Slot(typed.Count, args[i] switch
            {
                PointsSpan p => p.Value == 1,
                UserTextSpan u => u.Text.Trim() == "1",
                _ => false,
            });
            typed.Add(spans);
        }
        var text = PluralFormat.Format(T.Culture, template, slots);
        if (typed.Count == 0) return [new TextSpan(text)];

        var result = new List<Span>();
        var plain = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var close = text[i] == Open ? text.IndexOf(Close, i) : -1;
            if (close > i && int.TryParse(text.AsSpan(i + 1, close - i - 1), out var index) && index < typed.Count)
            {
                if (plain.Length > 0) result.Add(new TextSpan(plain.ToString()));
                plain.Clear();
                result.AddRange(typed[index]);
                i = close;
                continue;
            }
            plain.Append(text[i]);
        }
        if (plain.Length > 0) result.Add(new TextSpan(plain.ToString()));
        return Merge(result);
    }

    private static IReadOnlyList<Span> Merge(IReadOnlyList<Span> spans)
    {
        var merged = new List<Span>(spans.Count);
        foreach (var span in spans)
        {
            if (span is TextSpan { Text.Length: 0 }) continue;
            if (span is TextSpan next && merged.Count > 0 && merged[^1] is TextSpan previous)
                merged[^1] = new TextSpan(previous.Text + next.Text);
            else
                merged.Add(span);
        }
        return merged;
    }

    /// <summary>A span's place in the formatted sentence; a plural form asks it whether its number is one.</summary>
    internal sealed class Slot(int index, bool isOne) : IPluralArgument
    {
        public bool IsOne => isOne;

        public override string ToString() => $"{Open}{index}{Close}";
    }
}
