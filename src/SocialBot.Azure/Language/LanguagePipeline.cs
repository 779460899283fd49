using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace SocialBot.Azure.Language;

/// <summary>Builds the Azure.Core pipeline for Azure AI Language: retries that honour the server's delay, then auth.</summary>
internal static class LanguagePipeline
{
    public const string KeyHeader = "Ocp-Apim-Subscription-Key";
    public const string Scope = "https://cognitiveservices.azure.com/.default";

    /// <summary>
    /// The named client under the pipeline's transport: redirects off (the key travels in a header), pooled connections
    /// recycled; retries and per-try timeouts stay Azure.Core's (they honour Retry-After), so it has no pipeline of its own.
    /// </summary>
    public const string HttpClientName = "SocialBot.Language";

    /// <summary>
    /// Key auth when <see cref="LanguageOptions.ApiKey"/> is set; otherwise Entra ID with <paramref name="tokenCredential"/>,
    /// or a managed identity with the configured client id, or <see cref="DefaultAzureCredential"/>.
    /// </summary>
    public static HttpPipeline Create(LanguageOptions options, TokenCredential? tokenCredential = null, HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new LanguageClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = options.RetryMaxDelay;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        clientOptions.Diagnostics.IsLoggingContentEnabled = false;
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        HttpPipelinePolicy auth = string.IsNullOrEmpty(options.ApiKey)
            ? new BearerTokenAuthenticationPolicy(tokenCredential ?? CreateCredential(options, transport), Scope)
            : new SubscriptionKeyPolicy(new AzureKeyCredential(options.ApiKey));
        return HttpPipelineBuilder.Build(clientOptions, auth);
    }

    private static TokenCredential CreateCredential(LanguageOptions options, HttpPipelineTransport? transport)
    {
        if (string.IsNullOrEmpty(options.ManagedIdentityClientId))
        {
            var defaults = new DefaultAzureCredentialOptions();
            if (transport is not null)
            {
                defaults.Transport = transport;
            }

            return new DefaultAzureCredential(defaults);
        }

        var managed = new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
        if (transport is not null)
        {
            managed.Transport = transport;
        }

        return new ManagedIdentityCredential(managed);
    }

    private sealed class LanguageClientOptions : ClientOptions
    {
    }

    /// <summary>Sends the resource key in <c>Ocp-Apim-Subscription-Key</c> on every attempt (the key can be rotated).</summary>
    private sealed class SubscriptionKeyPolicy(AzureKeyCredential credential) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue(KeyHeader, credential.Key);
    }
}
