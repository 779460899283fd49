using System.Text.Json;

namespace SocialBot.Infra.Tests;

[Collection(CompiledTemplateGroup.Name)]
public sealed class MainTemplateTests(CompiledTemplate template)
{
    public static TheoryData<string, string, string> RoleAssignments => new()
    {
        { "Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts/queueServices/queues" },
        { "Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts/tableServices/tables" },
        { "Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts/blobServices/containers" },
        { "Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Microsoft.Storage/storageAccounts/blobServices/containers" },
        { "Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components" },
        { "Cognitive Services User", "a97b65f3-24c7-4388-baec-2e87135dc908", "Microsoft.CognitiveServices/accounts" },
        { "Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults" },
    };

    [Fact]
    public void Template_ShouldTargetAResourceGroup()
    {
        // Arrange / Act
        var schema = template.Root.GetProperty("$schema").GetString();

        // Assert
        Assert.EndsWith("/deploymentTemplate.json#", schema, StringComparison.Ordinal);
        Assert.DoesNotContain("subscriptionDeploymentTemplate", schema, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ShouldBeFlexConsumptionFC1OnLinux()
    {
        // Arrange / Act
        var plan = template.OnlyResource("Microsoft.Web/serverfarms").Resource;

        // Assert
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.True(plan.GetProperty("properties").GetProperty("reserved").GetBoolean());
    }

    [Fact]
    public void FunctionApp_ShouldBeLinuxFunctionAppWithFlexRuntimeAndScale()
    {
        // Arrange / Act
        var (module, site) = template.OnlyResource("Microsoft.Web/sites");
        var config = site.GetProperty("properties").GetProperty("functionAppConfig");

        // Assert
        Assert.Equal("functionapp,linux", site.GetProperty("kind").GetString());
        Assert.Equal("dotnet-isolated", config.GetProperty("runtime").GetProperty("name").GetString());
        Assert.Equal("[parameters('runtimeVersion')]", config.GetProperty("runtime").GetProperty("version").GetString());
        Assert.True(config.GetProperty("scaleAndConcurrency").TryGetProperty("maximumInstanceCount", out _));
        Assert.True(config.GetProperty("scaleAndConcurrency").TryGetProperty("instanceMemoryMB", out _));
        var allowedVersions = module.GetProperty("parameters").GetProperty("runtimeVersion").GetProperty("allowedValues").EnumerateArray().Select(value => value.GetString());
        Assert.Equal(["10.0"], allowedVersions);
        Assert.Equal("10.0", template.Root.GetProperty("parameters").GetProperty("functionRuntimeVersion").GetProperty("defaultValue").GetString());
        Assert.True(site.GetProperty("properties").GetProperty("httpsOnly").GetBoolean());
    }

    [Fact]
    public void FunctionApp_ShouldRunAsTheUserAssignedIdentityAndDeployFromBlobWithIt()
    {
        // Arrange / Act
        var site = template.OnlyResource("Microsoft.Web/sites").Resource;
        var identity = site.GetProperty("identity");
        var storage = site.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage");

        // Assert
        Assert.Equal("UserAssigned", identity.GetProperty("type").GetString());
        Assert.Equal(2, identity.GetProperty("userAssignedIdentities").EnumerateObject().Count());
        Assert.Equal("blobContainer", storage.GetProperty("type").GetString());
        Assert.Contains("primaryEndpoints.blob", storage.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", storage.GetProperty("authentication").GetProperty("type").GetString());
        Assert.Equal("[parameters('identityId')]", storage.GetProperty("authentication").GetProperty("userAssignedIdentityResourceId").GetString());
        Assert.NotEmpty(template.ResourcesOfType("Microsoft.ManagedIdentity/userAssignedIdentities"));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__accountName")]
    [InlineData("AzureWebJobsStorage__credential")]
    [InlineData("AzureWebJobsStorage__clientId")]
    [InlineData("AzureWebJobsStorage__queueServiceUri")]
    [InlineData("AzureWebJobsStorage__tableServiceUri")]
    [InlineData("AZURE_CLIENT_ID")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING")]
    public void FunctionApp_ShouldSetIdentityBasedHostSetting(string setting)
    {
        // Arrange
        var site = template.OnlyResource("Microsoft.Web/sites").Resource;

        // Act
        var appSettings = site.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").GetString();

        // Assert
        Assert.Contains($"'{setting}', ", appSettings, StringComparison.Ordinal);
        Assert.Contains("'AzureWebJobsStorage__credential', 'managedidentity'", appSettings, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionApp_ShouldNotSetSettingsThatFlexConsumptionRejects()
    {
        // Arrange
        var (module, site) = template.OnlyResource("Microsoft.Web/sites");

        // Act
        var text = module.GetRawText() + site.GetRawText();

        // Assert: the runtime lives in functionAppConfig on Flex; and no storage key or connection string exists.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", text, StringComparison.Ordinal);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("listKeys", template.Root.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", template.Root.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SocialBot__StaffedHours__TimeZone")]
    [InlineData("SocialBot__AfterHours__TeamName")]
    [InlineData("SocialBot__AfterHours__Email")]
    [InlineData("SocialBot__AfterHours__Voicemail")]
    [InlineData("SocialBot__Sentiment__Analyzer")]
    [InlineData("SocialBot__Language__Endpoint")]
    [InlineData("SocialBot__Language__ManagedIdentityClientId")]
    [InlineData("SocialBot__Bot__AppId")]
    [InlineData("SocialBot__Bot__TenantId")]
    [InlineData("SocialBot__Bot__AppType")]
    [InlineData("SocialBot__Bot__ManagedIdentityClientId")]
    [InlineData("SocialBot__Networks__PollSchedule")]
    [InlineData("SocialBot__Retention__Schedule")]
    [InlineData("SocialBot__Queues__{0}")]
    [InlineData("SocialBot__StaffedHours__Weekly__{0}")]
    [InlineData("SocialBot__StaffedHours__Closed")]
    [InlineData("SocialBot__OwnAccounts")]
    public void FunctionApp_ShouldReceiveSocialBotSetting(string setting)
    {
        // Arrange
        var deployment = template.Root.GetProperty("resources").GetProperty("functionApp");

        // Act
        var settings = deployment.GetProperty("properties").GetProperty("parameters").GetProperty("socialBotSettings").GetProperty("value").GetString();

        // Assert
        Assert.Contains($"'{setting}'", settings, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SocialBot__Networks__X__ConsumerKey", "x-consumer-key")]
    [InlineData("SocialBot__Networks__X__ConsumerSecret", "x-consumer-secret")]
    [InlineData("SocialBot__Networks__X__AccessToken", "x-access-token")]
    [InlineData("SocialBot__Networks__X__AccessTokenSecret", "x-access-token-secret")]
    [InlineData("SocialBot__Networks__Bluesky__AppPassword", "bluesky-app-password")]
    [InlineData("SocialBot__Networks__Mastodon__AccessToken", "mastodon-access-token")]
    public void FunctionApp_ShouldReadNetworkCredentialsAsKeyVaultReferences(string setting, string secret)
    {
        // Arrange
        var deployment = template.Root.GetProperty("resources").GetProperty("functionApp");
        var settings = deployment.GetProperty("properties").GetProperty("parameters").GetProperty("socialBotSettings").GetProperty("value").GetString()!;
        var networkSettings = template.Root.GetProperty("variables").GetProperty("networkSettings").GetString()!;
        var reference = template.Root.GetProperty("functions")[0].GetProperty("members").GetProperty("keyVaultReference").GetProperty("output").GetProperty("value").GetString();

        // Act / Assert: the secret's name goes into a Key Vault reference; no credential is a parameter of the template.
        Assert.Contains("variables('networkSettings')", settings, StringComparison.Ordinal);
        Assert.Contains($"'{setting}', __bicep.keyVaultReference(parameters('networkKeyVaultName'), '{secret}')", networkSettings, StringComparison.Ordinal);
        Assert.Equal("[format('@Microsoft.KeyVault(VaultName={0};SecretName={1})', parameters('vaultName'), parameters('secretName'))]", reference);
        Assert.DoesNotContain(template.Root.GetProperty("parameters").EnumerateObject(), p => p.Name.Contains("Secret", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("Password", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("Token", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void FunctionApp_ShouldResolveKeyVaultReferencesWithItsIdentity()
    {
        // Arrange
        var (_, site) = template.OnlyResource("Microsoft.Web/sites");

        // Act
        var identity = site.GetProperty("properties").GetProperty("keyVaultReferenceIdentity").GetString();

        // Assert
        Assert.Equal("[parameters('identityId')]", identity);
    }

    [Fact]
    public void FunctionApp_ShouldExpandWeeklyHoursIntoIndexedSettings()
    {
        // Arrange
        var deployment = template.Root.GetProperty("resources").GetProperty("functionApp");
        var settings = deployment.GetProperty("properties").GetProperty("parameters").GetProperty("socialBotSettings").GetProperty("value").GetString()!;
        var indexed = template.Root.GetProperty("functions")[0].GetProperty("members").GetProperty("indexedSettings").GetProperty("output").GetProperty("value").GetString();

        // Act / Assert: every day of weeklyHours is folded in, each window keyed <prefix>__<index>.
        Assert.Contains("reduce(items(parameters('weeklyHours'))", settings, StringComparison.Ordinal);
        Assert.Equal("[toObject(range(0, length(parameters('values'))), lambda('i', format('{0}__{1}', parameters('prefix'), lambdaVariables('i'))), lambda('i', parameters('values')[lambdaVariables('i')]))]", indexed);
    }

    [Theory]
    [MemberData(nameof(RoleAssignments))]
    public void Identity_ShouldHoldRoleOnItsScope_WithAGuidName(string role, string roleDefinitionId, string scopeType)
    {
        // Arrange
        var assignments = template.AllResources()
            .Where(pair => pair.Resource.GetProperty("type").GetString() == "Microsoft.Authorization/roleAssignments")
            .ToList();

        // Act
        var matching = assignments
            .Where(pair => CompiledTemplate.ReferencedVariableLiterals(pair.Template, pair.Resource.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!).Contains(roleDefinitionId)
                || pair.Resource.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!.Contains(roleDefinitionId, StringComparison.Ordinal))
            .Select(pair => pair.Resource)
            .ToList();

        // Assert
        // Key Vault Secrets User is held twice: on the social networks' vault and on the Meta connector's vault.
        var expectedCount = scopeType == "Microsoft.KeyVault/vaults" ? 2 : 1;
        Assert.True(matching.Count == expectedCount, $"{role}: expected {expectedCount} assignment(s), found {matching.Count}");
        Assert.All(matching, assignment =>
        {
            var name = assignment.GetProperty("name").GetString()!;
            Assert.StartsWith("[guid(", name, StringComparison.Ordinal);
            Assert.True(name.Contains("parameters('identityId')", StringComparison.Ordinal) || name.Contains("identityResourceId", StringComparison.Ordinal), $"{role}: the name does not derive from the app identity: {name}");
            Assert.Contains(scopeType, assignment.GetProperty("scope").GetString(), StringComparison.Ordinal);
            Assert.Contains("roleDefinitions", assignment.GetProperty("properties").GetProperty("roleDefinitionId").GetString(), StringComparison.Ordinal);
            Assert.Equal("ServicePrincipal", assignment.GetProperty("properties").GetProperty("principalType").GetString());
        });
    }

    [Fact]
    public void Identity_ShouldHoldNoOtherRoles()
    {
        // Arrange
        var expected = RoleAssignments.Select(row => (string)row[1]).ToHashSet();

        // Act
        var granted = template.AllResources()
            .Where(pair => pair.Resource.GetProperty("type").GetString() == "Microsoft.Authorization/roleAssignments")
            .SelectMany(pair => CompiledTemplate.ReferencedVariableLiterals(pair.Template, pair.Resource.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!))
            .ToHashSet();

        // Assert
        Assert.Equal(expected, granted);
    }

    [Fact]
    public void Storage_ShouldAcceptOnlyEntraIdOverTls12()
    {
        // Arrange / Act
        var properties = template.OnlyResource("Microsoft.Storage/storageAccounts").Resource.GetProperty("properties");

        // Assert
        Assert.False(properties.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(properties.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", properties.GetProperty("minimumTlsVersion").GetString());
        Assert.True(properties.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
    }

    [Fact]
    public void Storage_ShouldCreateEachQueueWithItsPoisonTwinAndEveryTable()
    {
        // Arrange
        var storageModule = template.Root.GetProperty("resources").GetProperty("storage").GetProperty("properties");
        var (storageTemplate, queues) = template.OnlyResource("Microsoft.Storage/storageAccounts/queueServices/queues");

        // Act
        var queueNames = storageModule.GetProperty("parameters").GetProperty("queueNames").GetProperty("value").GetString();
        var tableNames = template.Root.GetProperty("variables").GetProperty("tableNames").EnumerateArray().Select(name => name.GetString()).ToList();

        // Assert
        Assert.Equal("[map(items(variables('queues')), lambda('q', lambdaVariables('q').value))]", queueNames);
        var queueMap = template.Root.GetProperty("variables").GetProperty("queues");
        Assert.Equal(["mentions", "replies", "handoffs", "handoffs-urgent", "notifications"], queueMap.EnumerateObject().Select(queue => queue.Value.GetString()));
        Assert.Contains("-poison", queues.GetProperty("copy").GetProperty("count").GetString(), StringComparison.Ordinal);
        Assert.Contains("-poison", queues.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(["conversations", "handoffs", "sentreplies", "outbox", "networks", "optouts"], tableNames);
        Assert.Single(template.ResourcesOfType("Microsoft.Storage/storageAccounts/tableServices/tables"));
        Assert.Equal(2, template.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers").Count);
        Assert.True(storageTemplate.ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public void Storage_ShouldRefusePublicNetworkAccessAndBeReachedThroughPrivateEndpoints()
    {
        // Finding 17: the storage account accepted traffic from any network.
        var properties = template.OnlyResource("Microsoft.Storage/storageAccounts").Resource.GetProperty("properties");
        var endpoints = template.OnlyResource("Microsoft.Network/privateEndpoints").Resource;
        var site = template.OnlyResource("Microsoft.Web/sites").Resource;

        Assert.Equal("Disabled", properties.GetProperty("publicNetworkAccess").GetString());
        Assert.Equal("Deny", properties.GetProperty("networkAcls").GetProperty("defaultAction").GetString());
        Assert.Contains("storageServices", endpoints.GetProperty("copy").GetProperty("count").GetString(), StringComparison.Ordinal);
        Assert.Equal(["blob", "queue", "table"], template.AllResources()
            .Single(pair => pair.Resource.GetProperty("type").GetString() == "Microsoft.Network/privateEndpoints").Template
            .GetProperty("variables").GetProperty("storageServices").EnumerateArray().Select(service => service.GetString()));
        Assert.Equal("[parameters('subnetId')]", site.GetProperty("properties").GetProperty("virtualNetworkSubnetId").GetString());
        var subnet = template.OnlyResource("Microsoft.Network/virtualNetworks").Resource.GetProperty("properties").GetProperty("subnets")[0];
        Assert.Equal("Microsoft.App/environments", subnet.GetProperty("properties").GetProperty("delegations")[0].GetProperty("properties").GetProperty("serviceName").GetString());
    }

    [Fact]
    public void StorageRoles_ShouldNeverBeScopedToTheWholeAccount()
    {
        // Finding 17: Blob Data Owner (and queue/table roles) were granted on the whole storage account.
        var storageScopes = template.AllResources()
            .Where(pair => pair.Resource.GetProperty("type").GetString() == "Microsoft.Authorization/roleAssignments")
            .Select(pair => pair.Resource.GetProperty("scope").GetString()!)
            .Where(scope => scope.Contains("Microsoft.Storage", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(4, storageScopes.Count);
        Assert.All(storageScopes, scope => Assert.DoesNotContain("resourceId('Microsoft.Storage/storageAccounts',", scope, StringComparison.Ordinal));
        var roles = template.Root.GetProperty("resources").GetProperty("roles").GetProperty("properties").GetProperty("parameters");
        Assert.Contains("-poison", roles.GetProperty("queueNames").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal("[variables('tableNames')]", roles.GetProperty("tableNames").GetProperty("value").GetString());
        Assert.Equal(["azure-webjobs-hosts", "azure-webjobs-secrets"], template.Root.GetProperty("variables").GetProperty("hostContainerNames").EnumerateArray().Select(name => name.GetString()));
    }

    [Fact]
    public void Bot_ShouldUseAnIdentitySeparateFromTheStorageIdentity()
    {
        var parameters = template.Root.GetProperty("resources").GetProperty("bot").GetProperty("properties").GetProperty("parameters");
        var roles = template.Root.GetProperty("resources").GetProperty("roles").GetProperty("properties").GetProperty("parameters");

        Assert.Equal("[reference('botIdentity').outputs.id.value]", parameters.GetProperty("identityId").GetProperty("value").GetString());
        Assert.Equal("[reference('identity').outputs.principalId.value]", roles.GetProperty("principalId").GetProperty("value").GetString());
        Assert.Equal(2, template.ResourcesOfType("Microsoft.ManagedIdentity/userAssignedIdentities").Count);
    }

    [Theory]
    [InlineData("ftp")]
    [InlineData("scm")]
    public void FunctionApp_ShouldTurnBasicAuthPublishingOff(string kind)
    {
        var policy = template.ResourcesOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
            .Single(resource => resource.GetProperty("name").GetString()!.Contains($"'{kind}'", StringComparison.Ordinal));
        var site = template.OnlyResource("Microsoft.Web/sites").Resource;

        Assert.False(policy.GetProperty("properties").GetProperty("allow").GetBoolean());
        Assert.Equal("Disabled", site.GetProperty("properties").GetProperty("siteConfig").GetProperty("ftpsState").GetString());
    }

    [Fact]
    public void Language_ShouldBeTextAnalyticsWithEntraIdOnly()
    {
        // Arrange / Act
        var language = template.OnlyResource("Microsoft.CognitiveServices/accounts").Resource;

        // Assert
        Assert.Equal("TextAnalytics", language.GetProperty("kind").GetString());
        Assert.True(language.GetProperty("properties").GetProperty("disableLocalAuth").GetBoolean());
        Assert.False(string.IsNullOrEmpty(language.GetProperty("properties").GetProperty("customSubDomainName").GetString()));
    }

    [Fact]
    public void Monitoring_ShouldBeWorkspaceBasedWithLocalAuthDisabled()
    {
        // Arrange / Act
        var appInsights = template.OnlyResource("Microsoft.Insights/components").Resource;

        // Assert
        Assert.Contains("Microsoft.OperationalInsights/workspaces", appInsights.GetProperty("properties").GetProperty("WorkspaceResourceId").GetString(), StringComparison.Ordinal);
        Assert.True(appInsights.GetProperty("properties").GetProperty("DisableLocalAuth").GetBoolean());
    }

    [Fact]
    public void Bot_ShouldAuthenticateAsTheManagedIdentityAndCallApiMessages()
    {
        // Arrange
        var bot = template.OnlyResource("Microsoft.BotService/botServices").Resource;
        var botDeployment = template.Root.GetProperty("resources").GetProperty("bot").GetProperty("properties").GetProperty("parameters");

        // Act
        var properties = bot.GetProperty("properties");

        // Assert
        Assert.Equal("global", bot.GetProperty("location").GetString());
        Assert.Equal("azurebot", bot.GetProperty("kind").GetString());
        Assert.Equal("UserAssignedMSI", properties.GetProperty("msaAppType").GetString());
        Assert.Equal("[parameters('identityClientId')]", properties.GetProperty("msaAppId").GetString());
        Assert.Equal("[parameters('identityId')]", properties.GetProperty("msaAppMSIResourceId").GetString());
        Assert.Equal("[parameters('tenantId')]", properties.GetProperty("msaAppTenantId").GetString());
        Assert.Equal("[format('https://{0}/api/messages', reference('functionApp').outputs.defaultHostName.value)]", botDeployment.GetProperty("endpoint").GetProperty("value").GetString());
        Assert.Equal("[reference('botIdentity').outputs.clientId.value]", botDeployment.GetProperty("identityClientId").GetProperty("value").GetString());
    }

    [Fact]
    public void Outputs_ShouldNotExposeKeysConnectionStringsOrSecrets()
    {
        // Arrange
        var outputs = template.AllResources()
            .Where(pair => pair.Resource.GetProperty("type").GetString() == "Microsoft.Resources/deployments")
            .Select(pair => pair.Resource.GetProperty("properties").GetProperty("template"))
            .Append(template.Root)
            .Where(t => t.TryGetProperty("outputs", out _))
            .SelectMany(t => t.GetProperty("outputs").EnumerateObject())
            .ToList();

        // Act
        var offending = outputs
            .Where(output => new[] { "key", "connectionstring", "secret", "password" }
                .Any(word => output.Name.Contains(word, StringComparison.OrdinalIgnoreCase)
                    || output.Value.GetProperty("value").GetString()!.Contains(word, StringComparison.OrdinalIgnoreCase)))
            .Select(output => output.Name)
            .ToList();

        // Assert
        Assert.True(outputs.Count >= 10);
        Assert.Empty(offending);
        Assert.All(outputs, output => Assert.NotEqual("securestring", output.Value.GetProperty("type").GetString()));
    }
}
