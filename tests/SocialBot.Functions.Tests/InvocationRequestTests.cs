using System.Text.Json;
using SocialBot.Functions.Hosting;

namespace SocialBot.Functions.Tests;

public sealed class InvocationRequestTests
{
    [Fact]
    public void Read_ShouldUnwrapDoubleEncodedMessage_WhenHostQueueTriggerRequest()
    {
        // Arrange
        using var document = Payload("queue-trigger-wire.json");

        // Act
        var request = InvocationRequest.Read(document.RootElement, "mention");

        // Assert
        Assert.Equal("""{"id":"m1","text":"hi"}""", request.Message);
        Assert.Equal(1, request.DequeueCount);
    }

    [Fact]
    public void Read_ShouldUnwrapPlainString_WhenHostTestFixtureShape()
    {
        // Arrange
        using var document = Payload("host-test-fixture.json");

        // Act
        var request = InvocationRequest.Read(document.RootElement, "myqueueItem");

        // Assert
        Assert.Equal("HelloWorld", request.Message);
        Assert.Equal(4, request.DequeueCount);
    }

    [Fact]
    public void Read_ShouldReturnObjectJson_WhenValueIsObject()
    {
        // Arrange
        using var document = Payload("binary-object.json");

        // Act
        var request = InvocationRequest.Read(document.RootElement, "mention");

        // Assert
        Assert.Equal("m2", JsonDocument.Parse(request.Message).RootElement.GetProperty("id").GetString());
        Assert.Equal(2, request.DequeueCount);
    }

    [Fact]
    public void Read_ShouldReturnOriginalMentionJson_WhenRecordedTriagePayload()
    {
        // Arrange
        using var document = Payload("triage-mention-shipping.json");
        var original = JsonDocument.Parse(RunningApp.Sample("shipping-question.json")).RootElement;

        // Act
        var request = InvocationRequest.Read(document.RootElement, "mention");

        // Assert
        var message = JsonDocument.Parse(request.Message).RootElement;
        Assert.Equal(JsonSerializer.Serialize(original), JsonSerializer.Serialize(message));
    }

    [Fact]
    public void Read_ShouldThrowKeyNotFound_WhenBindingMissing()
    {
        // Arrange
        using var document = JsonDocument.Parse("""{"Data":{},"Metadata":{}}""");

        // Act / Assert
        Assert.Throws<KeyNotFoundException>(() => InvocationRequest.Read(document.RootElement, "mention"));
    }

    internal static JsonDocument Payload(string name) =>
        JsonDocument.Parse(File.ReadAllText(PayloadPath(name)));

    internal static string PayloadPath(string name) => Path.Combine(AppContext.BaseDirectory, "Payloads", name);
}
