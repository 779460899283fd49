using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SocialBot.Core.Processing;
using SocialBot.Functions.Functions;
using SocialBot.Functions.Hosting;

namespace SocialBot.Functions.Tests.Functions;

public sealed class QueueFunctionRunnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 22, 0, 0, TimeSpan.Zero);

    private readonly Mock<IPoisonQueue> _poison = new();
    private readonly QueueFunctionRunner _runner;

    public QueueFunctionRunnerTests()
    {
        _runner = new QueueFunctionRunner(_poison.Object, new FakeTimeProvider(Now), NullLogger<QueueFunctionRunner>.Instance, new QueueHostSettings { MaxDequeueCount = 5 });
    }

    [Fact]
    public async Task Run_ShouldPoisonWithTheReasonAndComplete_WhenTheUseCaseSaysRetryingCannotHelp()
    {
        // Arrange
        PoisonMessage? parked = null;
        _poison.Setup(p => p.SendAsync("mentions", It.IsAny<PoisonMessage>(), It.IsAny<CancellationToken>()))
            .Callback<string, PoisonMessage, CancellationToken>((_, message, _) => parked = message)
            .Returns(Task.CompletedTask);

        // Act
        await _runner.RunAsync("TriageMention", "mentions", "not json", 2, (_, _) => Task.FromResult(ProcessingResult.Poison("invalid mention: not valid JSON")), CancellationToken.None);

        // Assert
        Assert.NotNull(parked);
        Assert.Equal("invalid mention: not valid JSON", parked.Reason);
        Assert.Equal("mentions", parked.Queue);
        Assert.Equal("not json", parked.Message);
        Assert.Equal(2, parked.DequeueCount);
        Assert.Equal(Now, parked.PoisonedAt);
    }

    [Fact]
    public async Task Run_ShouldRethrowSoTheQueueRetries_WhenTheUseCaseFailsTransiently()
    {
        // Arrange
        static Task<ProcessingResult> Failing(string message, CancellationToken cancellationToken) => throw new HttpRequestException("503");

        // Act
        var exception = await Record.ExceptionAsync(() => _runner.RunAsync("SendReply", "replies", "{}", 1, Failing, CancellationToken.None));

        // Assert
        Assert.IsType<HttpRequestException>(exception);
        _poison.Verify(p => p.SendAsync(It.IsAny<string>(), It.IsAny<PoisonMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Run_ShouldParkTheMessageWithTheErrorAndComplete_WhenTheLastAttemptFails()
    {
        // Arrange
        PoisonMessage? parked = null;
        _poison.Setup(p => p.SendAsync("replies", It.IsAny<PoisonMessage>(), It.IsAny<CancellationToken>()))
            .Callback<string, PoisonMessage, CancellationToken>((_, message, _) => parked = message)
            .Returns(Task.CompletedTask);
        var detail = "connector said 503\n" + new string('x', 1000);
        Task<ProcessingResult> Failing(string message, CancellationToken cancellationToken) => throw new HttpRequestException(detail);

        // Act
        var exception = await Record.ExceptionAsync(() => _runner.RunAsync("SendReply", "replies", "{\"id\":\"r1\"}", 5, Failing, CancellationToken.None));

        // Assert
        Assert.Null(exception);
        Assert.NotNull(parked);
        Assert.StartsWith("failed 5 times (maxDequeueCount); last error HttpRequestException: connector said 503 xxx", parked.Reason, StringComparison.Ordinal);
        Assert.True(parked.Reason.Length < QueueFunctionRunner.MaxErrorLength + 100, $"reason of {parked.Reason.Length} characters");
        Assert.Equal("{\"id\":\"r1\"}", parked.Message);
        Assert.Equal(5, parked.DequeueCount);
    }

    [Fact]
    public async Task Run_ShouldRethrowSoTheExtensionPoisonsIt_WhenParkingAfterTheLastAttemptFails()
    {
        // Arrange
        _poison.Setup(p => p.SendAsync(It.IsAny<string>(), It.IsAny<PoisonMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("storage down"));
        static Task<ProcessingResult> Failing(string message, CancellationToken cancellationToken) => throw new TimeoutException("slow");

        // Act
        var exception = await Record.ExceptionAsync(() => _runner.RunAsync("TriageMention", "mentions", "{}", 6, Failing, CancellationToken.None));

        // Assert
        Assert.IsType<TimeoutException>(exception);
    }

    [Fact]
    public async Task Run_ShouldNotPoison_WhenTheUseCaseIsDone()
    {
        // Arrange / Act
        await _runner.RunAsync("SendReply", "replies", "{}", 1, (_, _) => Task.FromResult(ProcessingResult.Done("sent")), CancellationToken.None);

        // Assert
        _poison.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData(4L, 4)]
    [InlineData(null, 1)]
    public void DequeueCount_ShouldReadTheTriggerMetadata(object? value, long expected)
    {
        // Arrange
        var data = new Dictionary<string, object?>();
        if (value is not null)
        {
            data["DequeueCount"] = value;
        }

        var binding = new Mock<BindingContext>();
        binding.SetupGet(b => b.BindingData).Returns(data);
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.BindingContext).Returns(binding.Object);

        // Act
        var count = QueueFunctionRunner.DequeueCount(context.Object);

        // Assert
        Assert.Equal(expected, count);
    }
}
