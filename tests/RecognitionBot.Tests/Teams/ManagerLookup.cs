using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Teams;
using RecognitionBot.Tests.Teams.Fakes;

namespace RecognitionBot.Tests.Teams;

/// <summary>Approvers from Microsoft Graph: the requester's manager, app-only in the customer's tenant, remembered for a while.</summary>
public sealed class ManagerLookup(TeamsTestHost host) : IClassFixture<TeamsTestHost>
{
    private const string Contoso = "3f0d8a6e-5b2c-4e71-9a3d-8c1f2e4b6a01";
    private const string Fabrikam = "7c2e9b14-0a3f-4d86-b5e1-6f9a2c3d8e02";
    private GraphManagerLookup Lookup => host.Services.GetRequiredService<GraphManagerLookup>();

    [Fact]
    public async Task FindsTheManagerWithATokenForTheCustomersTenant()
    {
        host.Graph.SetManager(Contoso, "aad-ann", "aad-mia", "Mia Manager", "mia@contoso.com");

        var manager = await Lookup.FindManagerAsync(Contoso, "aad-ann", CancellationToken.None);

        Assert.Equal(new ManagerInfo("aad-mia", "Mia Manager", "mia@contoso.com"), manager);
        var call = host.Graph.Calls.Last(c => c.Path == "/v1.0/users/aad-ann/manager");
        Assert.Equal($"Bearer {FakeTokenEndpoint.TokenFor(Contoso, "https://graph.microsoft.com/.default")}", call.Authorization);
    }

    [Fact]
    public async Task AnswersNoManagerWhenGraphHasNone()
    {
        Assert.Null(await Lookup.FindManagerAsync(Contoso, "aad-ceo", CancellationToken.None));
    }

    [Fact]
    public async Task AnswersNoManagerWhenTheTenantDidNotConsent()
    {
        host.Graph.Forbid(Fabrikam);
        host.Graph.SetManager(Fabrikam, "aad-fay", "aad-boss", "Boss", "boss@fabrikam.com");

        Assert.Null(await Lookup.FindManagerAsync(Fabrikam, "aad-fay", CancellationToken.None));
    }

    [Fact]
    public async Task RemembersTheAnswer()
    {
        host.Graph.SetManager(Contoso, "aad-cached", "aad-first", "First", "first@contoso.com");
        await Lookup.FindManagerAsync(Contoso, "aad-cached", CancellationToken.None);
        host.Graph.SetManager(Contoso, "aad-cached", "aad-second", "Second", "second@contoso.com");

        var again = await Lookup.FindManagerAsync(Contoso, "aad-cached", CancellationToken.None);

        Assert.Equal("aad-first", again!.AadObjectId);
        Assert.Single(host.Graph.Calls, c => c.Path == "/v1.0/users/aad-cached/manager");
    }

    [Fact]
    public async Task RefusesATenantIdThatIsNotAGuid()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Lookup.FindManagerAsync("evil/../x", "aad-ann", CancellationToken.None));
    }
}
