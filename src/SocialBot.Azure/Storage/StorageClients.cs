using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using SocialBot.Core.Configuration;

namespace SocialBot.Azure.Storage;

/// <summary>
/// The storage account's queue and table clients, from the <c>AzureWebJobsStorage</c> connection: a connection string
/// (Azurite locally), or identity-based settings in Azure (<c>AzureWebJobsStorage__queueServiceUri</c>,
/// <c>__tableServiceUri</c> or <c>__accountName</c>, with <c>__credential=managedidentity</c> and <c>__clientId</c>).
/// </summary>
public sealed class StorageClients
{
    public const string ConnectionName = "AzureWebJobsStorage";

    /// <summary>Azurite on its default ports.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public StorageClients(QueueServiceClient queues, TableServiceClient tables)
    {
        Queues = queues;
        Tables = tables;
    }

    public QueueServiceClient Queues { get; }

    public TableServiceClient Tables { get; }

    public static StorageClients FromConfiguration(IConfiguration configuration, string connectionName = ConnectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        var connectionString = configuration[connectionName];
        var section = configuration.GetSection(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString) && !section.GetChildren().Any())
        {
            connectionString = DevelopmentStorage;
        }

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            try
            {
                return new StorageClients(new QueueServiceClient(connectionString, queueOptions), new TableServiceClient(connectionString));
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
            {
                throw new SocialBotConfigurationException(connectionName, "is not a valid storage connection string", exception);
            }
        }

        var credential = Credential(section);
        var accountName = section["accountName"];
        var queueUri = Endpoint(section, "queueServiceUri", accountName, "queue", connectionName);
        var tableUri = Endpoint(section, "tableServiceUri", accountName, "table", connectionName);
        return new StorageClients(new QueueServiceClient(queueUri, credential, queueOptions), new TableServiceClient(tableUri, credential));
    }

    private static TokenCredential Credential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        return string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }

    private static Uri Endpoint(IConfigurationSection section, string key, string? accountName, string service, string connectionName)
    {
        var value = section[key];
        if (!string.IsNullOrWhiteSpace(value))
        {
            return Uri.TryCreate(value, UriKind.Absolute, out var uri)
                ? uri
                : throw new SocialBotConfigurationException($"{connectionName}:{key}", $"'{value}' is not an absolute URI");
        }

        if (!string.IsNullOrWhiteSpace(accountName))
        {
            return new Uri($"https://{accountName}.{service}.core.windows.net");
        }

        throw new SocialBotConfigurationException($"{connectionName}:{key}", $"set {connectionName} (a connection string), {connectionName}__{key} or {connectionName}__accountName");
    }
}
