using System.Text.Json;

namespace SocialBot.Infra.Tests;

[Collection(CompiledTemplateGroup.Name)]
public sealed class MainParametersTests(CompiledTemplate template)
{
    private static JsonElement LoadParameters()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(BicepCli.InfraPath("main.parameters.json")));
        return document.RootElement.GetProperty("parameters").Clone();
    }

    [Fact]
    public void Parameters_ShouldAllExistInTheTemplate()
    {
        // Arrange
        var declared = template.Root.GetProperty("parameters");

        // Act
        var unknown = LoadParameters().EnumerateObject().Select(p => p.Name).Where(name => !declared.TryGetProperty(name, out _)).ToList();

        // Assert
        Assert.Empty(unknown);
    }

    [Fact]
    public void Parameters_ShouldSupplyEveryRequiredTemplateParameter()
    {
        // Arrange
        var supplied = LoadParameters();

        // Act
        var missing = template.Root.GetProperty("parameters").EnumerateObject()
            .Where(p => !p.Value.TryGetProperty("defaultValue", out _)
                && !(p.Value.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean()))
            .Select(p => p.Name)
            .Where(name => !supplied.TryGetProperty(name, out _))
            .ToList();

        // Assert
        Assert.Empty(missing);
    }

    [Fact]
    public void Parameters_ShouldDescribeContosoCareStaffedHours()
    {
        // Arrange / Act
        var parameters = LoadParameters();

        // Assert
        Assert.Equal("America/New_York", parameters.GetProperty("timeZone").GetProperty("value").GetString());
        Assert.Equal("Contoso Care", parameters.GetProperty("teamName").GetProperty("value").GetString());
        Assert.Equal("help@contoso.example", parameters.GetProperty("afterHoursEmail").GetProperty("value").GetString());
        Assert.Equal("+1 555 0100", parameters.GetProperty("afterHoursVoicemail").GetProperty("value").GetString());
        Assert.Equal("09:00-17:00", parameters.GetProperty("weeklyHours").GetProperty("value").GetProperty("Monday")[0].GetString());
        Assert.NotEmpty(parameters.GetProperty("closedDates").GetProperty("value").EnumerateArray());
    }

    [Fact]
    public void Parameters_ShouldUseOnlyDayNamesTheTemplateAccepts()
    {
        // Arrange
        var weeklyType = template.Root.GetProperty("definitions").GetProperty("weeklyHoursType").GetProperty("properties");

        // Act
        var days = LoadParameters().GetProperty("weeklyHours").GetProperty("value").EnumerateObject().Select(day => day.Name).ToList();

        // Assert
        Assert.NotEmpty(days);
        Assert.All(days, day => Assert.True(weeklyType.TryGetProperty(day, out _), $"{day} is not a day the template knows"));
    }

    [Fact]
    public void Parameters_ShouldHoldNoSecrets()
    {
        // Arrange
        var text = File.ReadAllText(BicepCli.InfraPath("main.parameters.json"));

        // Act / Assert
        Assert.DoesNotContain("reference", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("key", text, StringComparison.OrdinalIgnoreCase);
    }
}
