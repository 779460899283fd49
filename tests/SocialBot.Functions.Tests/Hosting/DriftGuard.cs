namespace SocialBot.Functions.Tests.Hosting;

/// <summary>The differences between the app's functions.metadata and what the local host serves (empty when they agree).</summary>
public static class DriftGuard
{
    public static IReadOnlyList<string> Compare(IReadOnlyList<FunctionMetadata> app, IReadOnlyList<LocalHostFunction> local)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(local);
        var problems = new List<string>();
        foreach (var function in app)
        {
            var hosted = local.Where(candidate => candidate.Name == function.Name).ToList();
            if (hosted.Count != 1)
            {
                problems.Add($"{function.Name}: the local host serves it {hosted.Count} times (expected once)");
                continue;
            }

            var match = hosted[0];
            if (!string.Equals(match.TriggerType, function.TriggerType, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{function.Name}: trigger {function.TriggerType} in the app, {match.TriggerType} on the local host");
                continue;
            }

            switch (function.TriggerType)
            {
                case "queueTrigger":
                    Expect(problems, function.Name, "queueName", function.Property("queueName"), match.QueueName);
                    Expect(problems, function.Name, "connection", function.Property("connection"), match.Connection);
                    break;
                case "timerTrigger":
                    Expect(problems, function.Name, "schedule", function.Property("schedule"), match.Schedule);
                    break;
                case "httpTrigger":
                    Expect(problems, function.Name, "route", "/" + function.Property("route"), match.Route);
                    Expect(problems, function.Name, "methods", string.Join(",", function.Methods), string.Join(",", match.Methods));
                    break;
                default:
                    problems.Add($"{function.Name}: the drift guard does not know trigger {function.TriggerType}; teach it and the local host");
                    break;
            }
        }

        foreach (var extra in local.Where(candidate => app.All(function => function.Name != candidate.Name)))
        {
            problems.Add($"{extra.Name}: served by the local host but not a function of the app");
        }

        return problems;
    }

    private static void Expect(List<string> problems, string function, string what, string? app, string? local)
    {
        if (!string.Equals(app, local, StringComparison.Ordinal))
        {
            problems.Add($"{function}: {what} is '{app}' in the app but '{local}' on the local host");
        }
    }
}
