using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using SocialBot.Azure.Language;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Cascade;

namespace SocialBot.Azure.Tests.Language;

public sealed class LanguageServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSocialBotLanguage_ShouldRegisterKeyedAzureAnalyzer_WhenConfigured()
    {
        using ServiceProvider provider = BuildProvider(new()
        {
            ["SocialBot:Sentiment:Analyzer"] = "azure",
            ["SocialBot:Language:Endpoint"] = "https://contoso-language.cognitiveservices.azure.com",
            ["SocialBot:Language:ApiKey"] = "secret",
            ["SocialBot:Language:MaxRetries"] = "5",
        });

        ValidateOnStart(provider);
        ISentimentAnalyzer analyzer = provider.GetRequiredKeyedService<ISentimentAnalyzer>("azure");

        Assert.IsType<AzureLanguageSentimentAnalyzer>(analyzer);
        Assert.Equal("azure", analyzer.Name);
        Assert.Equal(5, provider.GetRequiredService<IOptions<LanguageOptions>>().Value.MaxRetries);
        Assert.Equal("2025-11-01", provider.GetRequiredService<IOptions<LanguageOptions>>().Value.ApiVersion);
    }

    [Fact]
    public void AddSocialBotLanguage_ShouldFailAtStartNamingTheKey_WhenEndpointIsMissingForCascade()
    {
        using ServiceProvider provider = BuildProvider(new() { ["SocialBot:Sentiment:Analyzer"] = "cascade" });

        var ex = Assert.Throws<OptionsValidationException>(() => ValidateOnStart(provider));

        Assert.Contains("SocialBot:Language:Endpoint", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSocialBotLanguage_ShouldNotRequireEndpoint_WhenAnalyzerIsEmbedded()
    {
        using ServiceProvider provider = BuildProvider(new() { ["SocialBot:Sentiment:Analyzer"] = "embedded" });

        ValidateOnStart(provider);

        Assert.Null(provider.GetRequiredService<IOptions<LanguageOptions>>().Value.Endpoint);
    }

    [Fact]
    public void AddSocialBotLanguage_ShouldRegisterCascadeOverEmbeddedAndAzure()
    {
        var services = new ServiceCollection();
        var embedded = new Mock<ISentimentAnalyzer>();
        embedded.SetupGet(a => a.Name).Returns("embedded");
        services.AddKeyedSingleton("embedded", embedded.Object);
        using ServiceProvider provider = BuildProvider(
            new()
            {
                ["SocialBot:Language:Endpoint"] = "https://contoso-language.cognitiveservices.azure.com",
                ["SocialBot:Language:ApiKey"] = "secret",
                ["SocialBot:Sentiment:Cascade:UncertainLow"] = "-0.5",
            },
            services);

        ISentimentAnalyzer cascade = provider.GetRequiredKeyedService<ISentimentAnalyzer>("cascade");

        Assert.Equal("cascade", cascade.Name);
        Assert.Same(cascade, provider.GetRequiredService<CascadeSentimentAnalyzer>());
        Assert.Equal(-0.5, provider.GetRequiredService<IOptions<CascadeOptions>>().Value.UncertainLow);
    }

    [Theory]
    [InlineData("http://contoso-language.cognitiveservices.azure.com", "SocialBot:Language:Endpoint")]
    [InlineData("contoso-language", "SocialBot:Language:Endpoint")]
    [InlineData(null, "SocialBot:Language:Endpoint")]
    public void Validate_ShouldNameEndpointKey_WhenEndpointIsNotHttps(string? endpoint, string key)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SocialBot:Sentiment:Analyzer"] = "azure" }).Build();
        var validator = new LanguageOptionsValidator(configuration);

        ValidateOptionsResult result = validator.Validate(null, new LanguageOptions { Endpoint = endpoint });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShouldAcceptLoopbackHttp_AndNameOtherBadKeys()
    {
        var validator = new LanguageOptionsValidator(configuration: null);

        ValidateOptionsResult loopback = validator.Validate(null, new LanguageOptions { Endpoint = "http://127.0.0.1:5000" });
        ValidateOptionsResult bad = validator.Validate(null, new LanguageOptions { ApiVersion = "latest", ManagedIdentityClientId = "not-a-guid", TimeoutSeconds = 0 });

        Assert.True(loopback.Succeeded);
        Assert.Contains("SocialBot:Language:ApiVersion", bad.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("SocialBot:Language:ManagedIdentityClientId", bad.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("SocialBot:Language:TimeoutSeconds", bad.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ShouldNotRevealApiKey()
    {
        var options = new LanguageOptions { Endpoint = "https://contoso.cognitiveservices.azure.com", ApiKey = "super-secret-key" };

        Assert.DoesNotContain("super-secret-key", options.ToString(), StringComparison.Ordinal);
    }

    private static ServiceProvider BuildProvider(Dictionary<string, string?> settings, ServiceCollection? services = null)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services ??= new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddSocialBotLanguage(configuration);
        return services.BuildServiceProvider();
    }

    private static void ValidateOnStart(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();
}
