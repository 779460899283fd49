using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.LocalHost.Hosting;
using Jobs = Microsoft.Azure.WebJobs;

namespace SocialBot.Functions.Tests.Hosting;

/// <summary>What the local host serves, read from a built (not started) local host: its WebJobs methods and its routes.</summary>
public sealed record LocalHostFunction(string Name, string TriggerType, string? QueueName, string? Connection, string? Schedule, string? Route, IReadOnlyList<string> Methods)
{
    public static IReadOnlyList<LocalHostFunction> Read(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var functions = new List<LocalHostFunction>();
        foreach (var type in app.Services.GetServices<LocalJobType>().Select(job => job.Type).Distinct())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                if (method.GetCustomAttribute<Jobs.FunctionNameAttribute>() is not { } name)
                {
                    continue;
                }

                foreach (var parameter in method.GetParameters())
                {
                    if (parameter.GetCustomAttribute<Jobs.QueueTriggerAttribute>() is { } queue)
                    {
                        functions.Add(new LocalHostFunction(name.Name, "queueTrigger", queue.QueueName, queue.Connection, null, null, []));
                    }
                    else if (parameter.GetCustomAttribute<Jobs.TimerTriggerAttribute>() is { } timer)
                    {
                        functions.Add(new LocalHostFunction(name.Name, "timerTrigger", null, null, timer.ScheduleExpression, null, []));
                    }
                }
            }
        }

        foreach (var endpoint in ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IEndpointNameMetadata>() is { } name)
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Select(method => method.ToUpperInvariant()).Order(StringComparer.Ordinal).ToList() ?? [];
                functions.Add(new LocalHostFunction(name.EndpointName, "httpTrigger", null, null, null, endpoint.RoutePattern.RawText, methods));
            }
        }

        return functions;
    }
}
