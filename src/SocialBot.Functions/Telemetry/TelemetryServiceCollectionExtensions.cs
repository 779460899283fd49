using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SocialBot.Core.Diagnostics;

namespace SocialBot.Functions.Telemetry;

/// <summary>
/// OpenTelemetry traces (a span per function invocation, plus incoming HTTP) and metrics (the "SocialBot" meter:
/// mentions triaged, handoffs by priority, sentiment labels, acknowledgement latency, poison count, retries).
/// Exported to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (with Entra ID auth through the
/// managed identity when <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> says <c>Authorization=AAD</c>), and to the
/// console when <c>SocialBot:Telemetry:Console</c> is true. No customer text is ever put on a span or metric.
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddSocialBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var azureMonitor = !string.IsNullOrWhiteSpace(connectionString);
        var console = configuration.GetValue("SocialBot:Telemetry:Console", false);
        if (!azureMonitor && !console)
        {
            return services;
        }

        var entraAuth = configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]?.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase) == true;
        var clientId = configuration["AZURE_CLIENT_ID"];
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("socialbot"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(SocialBotMetrics.Name).AddAspNetCoreInstrumentation();
                if (azureMonitor)
                {
                    tracing.AddAzureMonitorTraceExporter(options => Configure(options, connectionString!, entraAuth, clientId));
                }

                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SocialBotMetrics.Name);
                if (azureMonitor)
                {
                    metrics.AddAzureMonitorMetricExporter(options => Configure(options, connectionString!, entraAuth, clientId));
                }

                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            });
        return services;
    }

    private static void Configure(AzureMonitorExporterOptions options, string connectionString, bool entraAuth, string? clientId)
    {
        options.ConnectionString = connectionString;
        if (entraAuth)
        {
            options.Credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        }
    }
}
