namespace RecognitionBot.Tests.Infra;

/// <summary>The compile check itself fails on errors and on warnings, so it cannot pass silently.</summary>
public sealed class BicepCheckCatchesBrokenFiles : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("recbot-bicep-broken-");

    [Fact]
    public void ReportsAnErrorAsFailing()
    {
        Write("broken.bicep", """
            param count int = 'three'
            output doubled int = count * 2
            """);

        var run = BicepCli.BuildAll(_dir.FullName, Path.Combine(_dir.FullName, "out"));

        Assert.False(run.IsClean);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(run.Diagnostics, d => d.Level == "Error" && d.File.EndsWith("broken.bicep", StringComparison.Ordinal) && d.Line == 1);
    }

    [Fact]
    public void ReportsALinterWarningAsFailingThoughTheCliExitsZero()
    {
        Write("warns.bicep", """
            param unused string = 'nobody reads me'
            output answer int = 42
            """);

        var run = BicepCli.BuildAll(_dir.FullName, Path.Combine(_dir.FullName, "out"));

        Assert.Equal(0, run.ExitCode);
        Assert.False(run.IsClean, run.Describe());
        Assert.Contains(run.Diagnostics, d => d.Level == "Warning" && d.Code == "no-unused-params");
    }

    [Fact]
    public void ReportsABadParameterFileAsFailing()
    {
        Write("main.bicep", """
            @secure()
            param password string
            output length int = length(password)
            """);
        Write("main.bicepparam", """
            using './main.bicep'
            param password = readEnvironmentVariable('RECBOT_TEST_UNSET_VARIABLE')
            """);

        var run = BicepCli.BuildParams(Path.Combine(_dir.FullName, "main.bicepparam"), Path.Combine(_dir.FullName, "p.json"),
            new Dictionary<string, string?> { ["RECBOT_TEST_UNSET_VARIABLE"] = null });

        Assert.False(run.IsClean);
        Assert.Contains(run.Diagnostics, d => d.Level == "Error" && d.File.EndsWith("main.bicepparam", StringComparison.Ordinal));
        Assert.Contains(run.Diagnostics, d => d.Code == "outputs-should-not-contain-secrets");
    }

    [Fact]
    public void PassesACleanFile()
    {
        Write("clean.bicep", """
            param name string = 'kudos'
            output greeting string = 'hello ${name}'
            """);

        var run = BicepCli.BuildAll(_dir.FullName, Path.Combine(_dir.FullName, "out"));

        Assert.True(run.IsClean, run.Describe());
        Assert.True(File.Exists(Path.Combine(_dir.FullName, "out", "clean.json")));
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir.FullName, name), text);

    public void Dispose() => _dir.Delete(recursive: true);
}
