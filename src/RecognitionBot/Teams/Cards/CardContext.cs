using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Teams.Cards;

/// <summary>
/// What a renderer needs besides the result: the reader's texts, the workspace time zone, and the names of the
/// people involved. It collects the mentions a card uses, so the card can declare them in <c>msteams.entities</c>.
/// </summary>
public sealed class CardContext(
    TeamsTexts texts,
    TimeZoneInfo zone,
    IReadOnlyDictionary<MemberId, TeamsPerson> people,
    IReadOnlyDictionary<MemberId, string>? namesOnly = null)
{
    private readonly Dictionary<string, Entity> _mentions = new(StringComparer.Ordinal);

    public TeamsTexts T { get; } = texts;
    public Core.Text.Texts Core => T.Core;
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>A real mention of a member the bot knows; the plain name otherwise.</summary>
    public string Mention(MemberId member)
    {
        if (!people.TryGetValue(member, out var person) || person.IsBot) return Name(member);
        var text = $"<at>{CardText.MentionName(person.Name)}</at>";
        _mentions.TryAdd(text, Entity.Mention(person.AadObjectId, CardText.MentionName(person.Name), text));
        return text;
    }

    /// <summary>A name without a mention (people we cannot mention: bots, people Teams did not find), escaped for markdown.</summary>
    public string Name(MemberId member) => CardText.Markdown(RawName(member));

    private string RawName(MemberId member) =>
        people.TryGetValue(member, out var person) ? person.Name
        : namesOnly?.TryGetValue(member, out var name) == true ? name
        : T["Unknown"];

    /// <summary>Members in a sentence: "A, B and C", each mentioned.</summary>
    public string Mentions(IEnumerable<MemberId> members) => Core.List(members.Select(Mention).ToList());

    public string When(DateTimeOffset at) => Core.When(at, Zone);

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
