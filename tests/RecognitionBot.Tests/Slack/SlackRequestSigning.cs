using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RecognitionBot.Slack;

namespace RecognitionBot.Tests.Slack;

public sealed class SlackRequestSigning
{
    // Slack's own worked example (docs "Verifying requests from Slack"): an independent oracle for our HMAC.
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string DocBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
        "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1531420618));

    private SlackRequestVerifier Verifier(string? secret = DocSecret) =>
        new(Options.Create(new SlackOptions { SigningSecret = secret }), _clock);

    private static byte[] Body(string s = DocBody) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void AcceptsSlacksDocumentedExample() =>
        Assert.True(Verifier().IsValid(DocTimestamp, DocSignature, Body()));

    [Fact]
    public void SignsExactlyAsSlackDoes() =>
        Assert.Equal(DocSignature, Encoding.ASCII.GetString(SlackRequestVerifier.Sign(DocSecret, DocTimestamp, Body())));

    [Fact]
    public void RefusesATamperedBody() =>
        Assert.False(Verifier().IsValid(DocTimestamp, DocSignature, Body(DocBody.Replace("text=&", "text=%2B100&"))));

    [Fact]
    public void RefusesAnotherAppsSecret() =>
        Assert.False(Verifier("another-apps-signing-secret").IsValid(DocTimestamp, DocSignature, Body()));

    [Fact]
    public void RefusesASignatureInUppercaseHexOrWithoutVersion()
    {
        Assert.False(Verifier().IsValid(DocTimestamp, DocSignature.ToUpperInvariant(), Body()));
        Assert.False(Verifier().IsValid(DocTimestamp, DocSignature[3..], Body()));
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(-300, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    [InlineData(86_400, false)]
    public void AcceptsOnlyFiveMinutesOfClockDifference(int secondsLater, bool accepted)
    {
        _clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618 + secondsLater));
        Assert.Equal(accepted, Verifier().IsValid(DocTimestamp, DocSignature, Body()));
    }

    [Theory]
    [InlineData(null, DocSignature)]
    [InlineData(DocTimestamp, null)]
    [InlineData("", DocSignature)]
    [InlineData("1531420618.5", DocSignature)]
    [InlineData("-1531420618", DocSignature)]
    public void RefusesMissingOrMalformedHeaders(string? timestamp, string? signature) =>
        Assert.False(Verifier().IsValid(timestamp, signature, Body()));

    [Fact]
    public void RefusesEverythingWhenNoSecretIsConfigured() =>
        Assert.False(Verifier(secret: null).IsValid(DocTimestamp, DocSignature, Body()));
}
