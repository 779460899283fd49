using System.Text.Json;
using System.Text.RegularExpressions;

namespace SocialBot.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled once with <c>bicep build --stdout</c>, with helpers to walk the ARM JSON,
/// including the templates of nested module deployments.
/// </summary>
public sealed partial class CompiledTemplate : IAsyncLifetime, IDisposable
{
    private JsonDocument? _document;

    internal BicepResult Build { get; private set; } = new(-1, "", "");

    public JsonElement Root => (_document ?? throw new InvalidOperationException("The template was not built.")).RootElement;

    public async Task InitializeAsync()
    {
        Build = await BicepCli.RunAsync(["build", BicepCli.InfraPath("main.bicep"), "--stdout", "--no-restore"]);
        if (Build.ExitCode == 0)
        {
            _document = JsonDocument.Parse(Build.StandardOutput);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _document?.Dispose();

    /// <summary>Every (template, resource) pair in the main template and in each module's nested template.</summary>
    public IEnumerable<(JsonElement Template, JsonElement Resource)> AllResources() => ResourcesOf(Root);

    public IReadOnlyList<JsonElement> ResourcesOfType(string type) =>
        AllResources()
            .Select(pair => pair.Resource)
            .Where(resource => string.Equals(resource.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase))
            .ToList();

    public (JsonElement Template, JsonElement Resource) OnlyResource(string type) =>
        AllResources().Single(pair => string.Equals(pair.Resource.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));

    /// <summary>Literal values that an ARM expression reads through <c>variables('name')</c> in the given template.</summary>
    public static IEnumerable<string> ReferencedVariableLiterals(JsonElement template, string expression)
    {
        foreach (Match match in VariableReference().Matches(expression))
        {
            var value = template.GetProperty("variables").GetProperty(match.Groups[1].Value);
            if (value.ValueKind == JsonValueKind.String)
            {
                yield return value.GetString()!;
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in value.EnumerateArray())
                {
                    yield return item.GetString()!;
                }
            }
        }
    }

    private static IEnumerable<(JsonElement Template, JsonElement Resource)> ResourcesOf(JsonElement template)
    {
        var resources = template.GetProperty("resources");
        var list = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(property => property.Value)
            : resources.EnumerateArray();
        foreach (var resource in list)
        {
            if (resource.TryGetProperty("existing", out var existing) && existing.GetBoolean())
            {
                continue;
            }

            yield return (template, resource);
            if (resource.GetProperty("type").GetString() == "Microsoft.Resources/deployments")
            {
                foreach (var nested in ResourcesOf(resource.GetProperty("properties").GetProperty("template")))
                {
                    yield return nested;
                }
            }
        }
    }

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();
}
