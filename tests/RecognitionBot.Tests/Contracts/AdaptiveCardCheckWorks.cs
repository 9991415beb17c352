using System.Text.Json;

namespace RecognitionBot.Tests.Contracts;

/// <summary>The contract check itself must catch what Teams would choke on, or a green run means nothing.</summary>
public sealed class AdaptiveCardCheckWorks
{
    private static JsonElement Card(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void PassesAWellFormedCard()
    {
        AdaptiveCardContract.AssertValid(Card("""
            {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"<at>Ann</at> got kudos","wrap":true}],
             "actions":[{"type":"Action.Execute","title":"Approve","verb":"approve","data":{"id":"r1"}}],
             "msteams":{"entities":[{"type":"mention","text":"<at>Ann</at>","mentioned":{"id":"29:ann","name":"Ann"}}]}}
            """));
    }

    [Fact]
    public void PassesTeamsDynamicTypeaheadWithoutStaticChoices()
    {
        AdaptiveCardContract.AssertValid(Card("""
            {"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.ChoiceSet","id":"who","label":"Who","isMultiSelect":true,
             "style":"filtered","choices":[],"choices.data":{"type":"Data.Query","dataset":"people"}}]}
            """));
    }

    [Fact]
    public void FailsAMisspelledDataQuery()
    {
        var problems = AdaptiveCardContract.Problems(Card("""
            {"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.ChoiceSet","id":"who","choices":[],
             "choices.data":{"type":"Data.Qery","datset":"people"}}]}
            """));
        Assert.Contains(problems, p => p.Contains("Data.Query"));
        Assert.Contains(problems, p => p.Contains("choices.data.datset"));
    }

    [Fact]
    public void FailsAStaticChoiceSetWithoutChoices()
    {
        var problems = AdaptiveCardContract.Problems(Card("""
            {"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.ChoiceSet","id":"who","choices":[]}]}
            """));
        Assert.Contains(problems, p => p.Contains("at least one choice"));
    }

    [Fact]
    public void FailsAMisspelledProperty()
    {
        var problems = AdaptiveCardContract.Problems(Card("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","txt":"hi"}]}"""));
        Assert.Contains(problems, p => p.Contains("body[0].txt"));
    }

    [Fact]
    public void FailsAnUnknownElement()
    {
        var problems = AdaptiveCardContract.Problems(Card("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Carousel","pages":[]}]}"""));
        Assert.Contains(problems, p => p.Contains("Carousel"));
    }

    [Fact]
    public void FailsAVersionTeamsDoesNotRender()
    {
        var problems = AdaptiveCardContract.Problems(Card("""{"type":"AdaptiveCard","version":"1.6","body":[{"type":"TextBlock","text":"hi"}]}"""));
        Assert.Contains(problems, p => p.Contains("version"));
    }

    [Fact]
    public void FailsDuplicateIds()
    {
        var problems = AdaptiveCardContract.Problems(Card("""
            {"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"reason"},{"type":"Input.Text","id":"reason"}]}
            """));
        Assert.Contains(problems, p => p.Contains("Duplicate"));
    }

    [Fact]
    public void FailsAMentionWhoseTextIsNotInTheCard()
    {
        var problems = AdaptiveCardContract.Problems(Card("""
            {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Ann got kudos"}],
             "msteams":{"entities":[{"type":"mention","text":"<at>Ann</at>","mentioned":{"id":"29:ann","name":"Ann"}}]}}
            """));
        Assert.Contains(problems, p => p.Contains("<at>Ann</at>"));
    }

    [Fact]
    public void FailsABadFallback()
    {
        var problems = AdaptiveCardContract.Problems(Card("""
            {"type":"AdaptiveCard","version":"1.5","body":[],"actions":[{"type":"Action.Execute","title":"Go","verb":"go",
              "fallback":{"type":"Action.Submit","title":"Go","dta":{}}}]}
            """));
        Assert.Contains(problems, p => p.Contains("fallback"));
    }
}
