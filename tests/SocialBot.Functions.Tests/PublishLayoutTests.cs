using System.Diagnostics;
using System.Text.Json;

namespace SocialBot.Functions.Tests;

public sealed class PublishLayoutTests
{
    [Fact]
    [Trait("Category", "Integration")]
    public async Task Publish_ShouldProduceFunctionsAppLayout()
    {
        // Arrange
        var root = AzuriteFixture.RepoRoot();
        var output = Path.Combine(Path.GetTempPath(), "socialbot-publish-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "publish", Path.Combine(root, "src", "SocialBot.Functions", "SocialBot.Functions.csproj"), "-c", "Release", "-o", output, "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            // Act
            using var publish = Process.Start(start)!;
            var stdout = publish.StandardOutput.ReadToEndAsync();
            var stderr = publish.StandardError.ReadToEndAsync();
            await publish.WaitForExitAsync();
            Assert.True(publish.ExitCode == 0, await stdout + await stderr);

            // Assert
            using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "host.json")));
            var executable = host.RootElement.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString();
            Assert.Equal("SocialBot.Functions", executable);
            Assert.True(File.Exists(Path.Combine(output, executable!)), "the custom handler executable is missing");
            foreach (var function in new[] { "TriageMention", "SendReply", "NotifyEscalation" })
            {
                using var functionJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, function, "function.json")));
                Assert.Contains(functionJson.RootElement.GetProperty("bindings").EnumerateArray(), binding => binding.GetProperty("type").GetString() == "queueTrigger");
            }

            using var messages = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "Messages", "function.json")));
            var trigger = messages.RootElement.GetProperty("bindings").EnumerateArray().First(binding => binding.GetProperty("type").GetString() == "httpTrigger");
            Assert.Equal("messages", trigger.GetProperty("route").GetString());
            Assert.True(host.RootElement.GetProperty("customHandler").GetProperty("enableForwardingHttpRequest").GetBoolean());
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
