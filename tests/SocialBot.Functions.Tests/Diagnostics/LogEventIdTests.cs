using System.Reflection;
using Microsoft.Extensions.Logging;

namespace SocialBot.Functions.Tests.Diagnostics;

public sealed class LogEventIdTests
{
    private static readonly Assembly[] AppAssemblies =
    [
        typeof(Core.Diagnostics.LogEventIds).Assembly,
        typeof(Azure.Storage.StorageClients).Assembly,
        typeof(DependencyInjection).Assembly,
        typeof(LocalHost.LocalHostApp).Assembly,
    ];

    [Fact]
    public void EventIds_ShouldBeUniqueAcrossTheApp()
    {
        // Arrange
        var ids = AppAssemblies
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(method => (Method: $"{method.DeclaringType!.FullName}.{method.Name}", Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(entry => entry.Attribute is not null)
            .ToList();

        // Act
        var duplicates = ids.GroupBy(entry => entry.Attribute!.EventId)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(entry => entry.Method))}")
            .ToList();

        // Assert
        Assert.True(ids.Count > 30, $"found only {ids.Count} [LoggerMessage] methods");
        Assert.True(duplicates.Count == 0, "event ids used twice: " + string.Join("; ", duplicates));
    }
}
