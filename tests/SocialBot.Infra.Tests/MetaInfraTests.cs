namespace SocialBot.Infra.Tests;

/// <summary>The Meta connector in main.bicep: its secrets live in Key Vault and reach the app only as Key Vault references.</summary>
[Collection(CompiledTemplateGroup.Name)]
public sealed class MetaInfraTests(CompiledTemplate template)
{
    [Theory]
    [InlineData("SocialBot__Networks__Meta__AppSecret", "meta-app-secret")]
    [InlineData("SocialBot__Networks__Meta__VerifyToken", "meta-verify-token")]
    [InlineData("SocialBot__Networks__Meta__PageAccessToken", "meta-page-access-token")]
    public void MetaSecret_ShouldBeAKeyVaultReference(string setting, string secretName)
    {
        // Arrange
        var settings = template.Root.GetProperty("variables").GetProperty("metaSettings").GetString()!;
        var reference = template.Root.GetProperty("functions")[0].GetProperty("members").GetProperty("metaSecret").GetProperty("output").GetProperty("value").GetString()!;

        // Act / Assert
        Assert.Contains($"'{setting}', __bicep.metaSecret(variables('names').metaVault, '{secretName}')", settings, StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(VaultName={0};SecretName={1})", reference, StringComparison.Ordinal);
    }

    [Fact]
    public void MetaSettings_ShouldBeOffUnlessAPageIsGiven_AndReachTheApp()
    {
        // Arrange
        var settings = template.Root.GetProperty("variables").GetProperty("metaSettings").GetString()!;
        var enable = template.Root.GetProperty("variables").GetProperty("enableMeta").GetString();
        var appSettings = template.Root.GetProperty("resources").GetProperty("functionApp").GetProperty("properties").GetProperty("parameters").GetProperty("socialBotSettings").GetProperty("value").GetString()!;

        // Act / Assert
        Assert.Equal("[not(empty(parameters('metaPageId')))]", enable);
        Assert.StartsWith("[if(variables('enableMeta'),", settings, StringComparison.Ordinal);
        Assert.Contains("variables('metaSettings')", appSettings, StringComparison.Ordinal);
        Assert.Equal(string.Empty, template.Root.GetProperty("parameters").GetProperty("metaPageId").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void Parameters_ShouldCarryNoMetaSecret()
    {
        // Arrange / Act
        var names = template.Root.GetProperty("parameters").EnumerateObject().Select(parameter => parameter.Name).ToList();

        // Assert
        Assert.DoesNotContain(names, name => name.StartsWith("meta", StringComparison.OrdinalIgnoreCase)
            && (name.Contains("secret", StringComparison.OrdinalIgnoreCase) || name.Contains("token", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Vault_ShouldUseRbacWithPurgeProtection_AndBeDeployedOnlyForMeta()
    {
        // Arrange / Act
        var vault = template.OnlyResource("Microsoft.KeyVault/vaults").Resource.GetProperty("properties");
        var module = template.Root.GetProperty("resources").GetProperty("metaSecrets");

        // Assert
        Assert.True(vault.GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.True(vault.GetProperty("enablePurgeProtection").GetBoolean());
        Assert.False(vault.TryGetProperty("accessPolicies", out _));
        Assert.Equal("[variables('enableMeta')]", module.GetProperty("condition").GetString());
    }

    [Fact]
    public void FunctionApp_ShouldResolveKeyVaultReferencesWithItsIdentity()
    {
        // Arrange / Act
        var site = template.OnlyResource("Microsoft.Web/sites").Resource;

        // Assert
        Assert.Equal("[parameters('identityId')]", site.GetProperty("properties").GetProperty("keyVaultReferenceIdentity").GetString());
    }
}
