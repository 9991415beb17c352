namespace RecognitionBot.Tests.Infra;

/// <summary>infra/ compiles with the Bicep CLI, and with no warning of any kind (linter included).</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class InfraTemplatesCompile(CompiledInfra infra)
{
    [Fact]
    public void EveryBicepFileCompilesWithoutAnyWarningOrError()
    {
        Assert.True(infra.Build.IsClean, infra.Build.Describe());
        Assert.Contains(Path.Combine("modules", "webapp.bicep"), infra.BicepFiles);
        foreach (var file in infra.BicepFiles)
        {
            var json = Path.Combine(infra.OutDir, "templates", Path.ChangeExtension(file, ".json"));
            Assert.True(File.Exists(json), $"{file} was not compiled (no {json}).");
        }
    }

    [Fact]
    public void TheExampleParameterFileCompilesWithoutAnyWarningOrError()
    {
        Assert.True(infra.BuildParams.IsClean, infra.BuildParams.Describe());
        Assert.Equal("recbot", infra.Parameters["namePrefix"]?["value"]?.GetValue<string>());
        Assert.Equal(CompiledInfra.TeamsAppIdValue, infra.Parameters["teamsAppId"]?["value"]?.GetValue<string>());
    }

    [Fact]
    public void EverySecureParameterComesFromTheEnvironmentNotFromTheFile()
    {
        Assert.Contains("teamsAppPassword", infra.SecureParameters);
        Assert.Contains("slackSigningSecret", infra.SecureParameters);
        Assert.Contains("slackClientSecret", infra.SecureParameters);
        foreach (var name in infra.SecureParameters)
        {
            var expected = infra.EnvironmentMarkers[CompiledInfra.EnvironmentVariableFor(name)];
            var actual = infra.Parameters[name]?["value"]?.GetValue<string>();
            Assert.True(expected == actual,
                $"main.bicepparam must set the secure parameter '{name}' from the environment variable " +
                $"{CompiledInfra.EnvironmentVariableFor(name)} (readEnvironmentVariable), never a literal; it gave '{actual}'.");
        }
    }
}
