using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Teams.Cards;

/// <summary>
/// What mapping a view needs besides the view: the reader's texts, and the names of the people and conversations it
/// names. It collects the mentions a card uses, so the card can declare them in <c>msteams.entities</c>.
/// </summary>
public sealed class CardContext(
    TeamsTexts texts,
    IReadOnlyDictionary<MemberId, TeamsPerson> people,
    IReadOnlyDictionary<MemberId, string>? namesOnly = null,
    IReadOnlyDictionary<string, string>? conversations = null)
{
    private readonly Dictionary<string, Entity> _mentions = new(StringComparer.Ordinal);

    public TeamsTexts T { get; } = texts;

    /// <summary>A real mention of a member the bot knows and may notify; the plain name otherwise.</summary>
    public string Mention(MentionSpan span)
    {
        if (!span.Notify || !people.TryGetValue(span.Member, out var person) || person.IsBot) return CardText.Markdown(Name(span));
        var text = $"<at>{CardText.MentionName(person.Name)}</at>";
        _mentions.TryAdd(text, Entity.Mention(person.AadObjectId, CardText.MentionName(person.Name), text));
        return text;
    }

    /// <summary>A conversation by its name where we know it, else by its id.</summary>
    public string Conversation(string id) => conversations?.GetValueOrDefault(id) ?? id;

    // People we cannot mention (bots, people Teams did not find) by name; the core's "someone" if we have none.
    private string Name(MentionSpan span) =>
        people.TryGetValue(span.Member, out var person) ? person.Name
        : namesOnly?.TryGetValue(span.Member, out var name) == true ? name
        : span.Unknown;

    /// <summary>The card, declaring exactly the mentions its text uses (Teams ignores a mention whose text is absent).</summary>
    public AdaptiveCard Card(IReadOnlyList<CardElement> body, IReadOnlyList<CardAction>? actions = null)
    {
        var texts = Texts(body).ToList();
        var used = _mentions.Values.Where(m => texts.Any(t => t.Contains(m.Text!, StringComparison.Ordinal))).ToList();
        return new AdaptiveCard
        {
            Body = body,
            Actions = actions is { Count: > 0 } ? actions : null,
            FallbackText = T["CardFallback"],
            Msteams = new TeamsCardExtensions { Entities = used.Count == 0 ? null : used, Width = "Full" },
        };
    }

    // Where Teams renders mentions: text blocks and facts, at any depth.
    private static IEnumerable<string> Texts(IEnumerable<CardElement> elements) => elements.SelectMany(e => e switch
    {
        TextBlock t => [t.Text],
        FactSet f => f.Facts.SelectMany(x => new[] { x.Title, x.Value }),
        Container c => Texts(c.Items),
        ColumnSet s => s.Columns.SelectMany(col => Texts(col.Items)),
        _ => [],
    });
}
