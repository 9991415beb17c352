using RecognitionBot.Slack;

namespace RecognitionBot.Tests.Slack.Contract;

public sealed class SlackBlockKitContract
{
    [Fact]
    public void EveryShapeTheBlockKitModelBuildsPassesSlacksTypes()
    {
        var button = new ButtonElement(new PlainText("Approve"), "approve", "r1", ButtonStyle.Primary)
        {
            Confirm = new ConfirmDialog(
                new PlainText("Sure?"), new Mrkdwn("Spend *50* points?"), new PlainText("Yes"), new PlainText("No"), ButtonStyle.Danger),
        };
        IReadOnlyList<Block> blocks =
        [
            new HeaderBlock(new PlainText("Kudos! :tada:")) { BlockId = "h" },
            new SectionBlock(new Mrkdwn("<@U1> gave *10* points"), Fields: [new Mrkdwn("*Balance*"), new PlainText("120")], Accessory: button),
            new SectionBlock(Fields: [new Mrkdwn("a"), new Mrkdwn("b")]),
            new ContextBlock([new Mrkdwn("#empathy"), new PlainText("in #support")]),
            new DividerBlock(),
            new ActionsBlock(
                [button, new ButtonElement(new PlainText("Reject"), "reject", "r1", ButtonStyle.Danger), new ButtonElement(new PlainText("Later"), "later")]),
            new RichTextBlock(
            [
                new RichTextSection([new RichTextUser("U1"), new RichTextText(" thanks "), new RichTextUsergroup("S1"), new RichTextEmoji("tada")]),
                new RichTextQuote([new RichTextText("<!channel> stays text") { Style = new RichTextStyle(Italic: true) }]),
            ]),
        ];
        var modal = new ModalView(new PlainText("Reject redemption"),
            [new InputBlock(
                new PlainText("Reason"), new PlainTextInputElement("reason", Multiline: true, MaxLength: 500, Placeholder: new PlainText("Optional")),
                Optional: true) { BlockId = "reason" }],
            new PlainText("Reject"), new PlainText("Cancel"))
        {
            CallbackId = "reject_redemption",
            PrivateMetadata = "{\"r\":\"1\"}",
        };

        SlackTypesCheck.AssertValid(
        [
            SlackPayload.Of("all blocks", blocks),
            SlackPayload.Of("message", new SlackMessage("fallback", blocks)),
            SlackPayload.Of("text-only message", new SlackMessage("just text")),
            SlackPayload.Of("command reply", SlackCommandReply.Ephemeral(new SlackMessage("done", [new SectionBlock(new Mrkdwn("ok"))]))),
            SlackPayload.Of("modal", modal),
            SlackPayload.Of("view errors", new SlackViewErrors(new Dictionary<string, string> { ["reason"] = "Too long" })),
        ]);
    }

    [Fact]
    public void WrongPayloadsFailTheCheckAndAreNamed()
    {
        var errors = SlackTypesCheck.Check(
        [
            SlackPayload.Of("valid", [new DividerBlock()]),
            new SlackPayload("button style green", SlackSurface.Blocks,
                """[{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"Go"},"action_id":"go","style":"green"}]}]"""),
            new SlackPayload("header with mrkdwn", SlackSurface.Blocks, """[{"type":"header","text":{"type":"mrkdwn","text":"*big*"}}]"""),
            new SlackPayload("unknown block type", SlackSurface.Blocks, """[{"type":"sektion","text":{"type":"mrkdwn","text":"x"}}]"""),
            new SlackPayload("modal without title", SlackSurface.Modal, """{"type":"modal","blocks":[]}"""),
            new SlackPayload("message without text", SlackSurface.Message, """{"blocks":[{"type":"divider"}]}"""),
        ]);

        Assert.DoesNotContain("valid", errors.Keys);
        Assert.Equal(
            ["button style green", "header with mrkdwn", "message without text", "modal without title", "unknown block type"],
            errors.Keys.Order());
    }
}

public sealed class SlackRenderersContract
{
    [Fact]
    public void EveryRenderedReplyPostAndModalPassesSlacksTypes() =>
        SlackTypesCheck.AssertValid([.. SlackRendererSamples.All()]);

    [Fact]
    public void EveryRenderedPayloadStaysWithinBlockKitLimits()
    {
        var problems = SlackRendererSamples.All().SelectMany(p => SlackLimits.Check(p.Name, System.Text.Json.JsonDocument.Parse(p.Json).RootElement)).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void NoRenderedPayloadCarriesAMassPing()
    {
        var pings = SlackRendererSamples.All().Where(
            p => p.Json.Contains("<!", StringComparison.Ordinal) || p.Json.Contains("\\u003C!", StringComparison.Ordinal)).Select(p => p.Name).ToList();

        Assert.Empty(pings);
    }
}
