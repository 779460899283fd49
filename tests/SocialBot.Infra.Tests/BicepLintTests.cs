namespace SocialBot.Infra.Tests;

[Collection(CompiledTemplateGroup.Name)]
public sealed class BicepLintTests(CompiledTemplate template)
{
    [Fact]
    public void Build_ShouldSucceedWithoutWarningsOrErrors()
    {
        // Arrange: the build ran once in the fixture. Act: read its result.
        var build = template.Build;

        // Assert
        Assert.True(build.ExitCode == 0, build.StandardError);
        Assert.Empty(build.Diagnostics);
        Assert.StartsWith("{", build.StandardOutput.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_ShouldReportNothing_ForEveryBicepFile()
    {
        // Arrange
        var pattern = Path.Combine(BicepCli.RepositoryRoot, "infra", "**", "*.bicep");

        // Act
        var lint = await BicepCli.RunAsync(["lint", "--pattern", pattern, "--no-restore"]);

        // Assert
        Assert.True(lint.ExitCode == 0, lint.StandardError);
        Assert.Empty(lint.Diagnostics);
    }

    [Fact]
    public void LinterConfiguration_ShouldRaiseEveryEnabledRuleAsWarning()
    {
        // Arrange
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(BicepCli.InfraPath("bicepconfig.json")));
        var rules = config.RootElement.GetProperty("analyzers").GetProperty("core").GetProperty("rules").EnumerateObject().ToList();

        // Act
        var levels = rules.Select(rule => rule.Value.GetProperty("level").GetString()).Distinct().ToList();

        // Assert: "info" would hide a finding from the CLI, so only warning (fails the tests) or a documented off.
        Assert.True(config.RootElement.GetProperty("analyzers").GetProperty("core").GetProperty("enabled").GetBoolean());
        Assert.All(levels, level => Assert.Contains(level, new[] { "warning", "off" }));
        Assert.True(rules.Count(rule => rule.Value.GetProperty("level").GetString() == "warning") >= 30);
    }

    [Fact]
    public async Task Lint_ShouldFail_WhenATemplateBreaksARule()
    {
        // Arrange: a template with an unused parameter, linted with the real bicepconfig.json.
        var probe = Path.Combine(Path.GetTempPath(), $"lint-probe-{Guid.NewGuid():N}.bicep");
        await File.WriteAllTextAsync(probe, "param unused string\n");
        try
        {
            // Act
            var lint = await BicepCli.RunAsync(["lint", probe, "--no-restore", "--config", BicepCli.InfraPath("bicepconfig.json")]);

            // Assert: proves the Diagnostics filter and the linter configuration catch findings.
            Assert.Contains(lint.Diagnostics, line => line.Contains("no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
