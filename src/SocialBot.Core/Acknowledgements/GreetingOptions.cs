using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SocialBot.Core.Acknowledgements;

/// <summary>How customers' display names may be used in greetings (section <c>SocialBot:Greetings</c>).</summary>
public sealed class GreetingOptions
{
    public const string SectionName = "SocialBot:Greetings";

    /// <summary>Words that make a display name unusable in a greeting, on top of <see cref="DisplayNameGuard.DefaultBlockedWords"/>.</summary>
    public IList<string> BlockedWords { get; } = [];

    /// <summary>Whether the built-in block list applies (default true).</summary>
    public bool UseDefaultBlockedWords { get; set; } = true;

    /// <summary>The longest first name greeted, as the channel counts length (default 20).</summary>
    public int MaxNameLength { get; set; } = 20;
}

/// <summary>Fails at start, naming the key, on an empty blocked word or a nonsensical length.</summary>
internal sealed class GreetingOptionsValidator : IValidateOptions<GreetingOptions>
{
    public ValidateOptionsResult Validate(string? name, GreetingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxNameLength is < 2 or > 50)
        {
            failures.Add($"{GreetingOptions.SectionName}:MaxNameLength must be between 2 and 50");
        }

        for (var i = 0; i < options.BlockedWords.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.BlockedWords[i]) || options.BlockedWords[i].Length > 64)
            {
                failures.Add($"{GreetingOptions.SectionName}:BlockedWords:{i} must be a word of 1-64 characters");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

public static class GreetingServiceCollectionExtensions
{
    /// <summary>Registers <see cref="GreetingOptions"/> (validated at start) and the <see cref="DisplayNameGuard"/> built from them.</summary>
    public static IServiceCollection AddSocialBotGreetings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GreetingOptions>().Bind(configuration.GetSection(GreetingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GreetingOptions>, GreetingOptionsValidator>();
        services.AddSingleton(sp => new DisplayNameGuard(sp.GetRequiredService<IOptions<GreetingOptions>>().Value));
        return services;
    }
}
