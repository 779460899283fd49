using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;

namespace SocialBot.LocalHost.Hosting;

/// <summary>
/// Replaces the SDK's handler, which rethrows an unhandled listener exception on a new thread and so kills the process
/// (the Functions host then restarts). Here it is logged and the local host stops gracefully, unless it is stopping
/// already (a listener racing shutdown, which is harmless: an unfinished message is delivered again).
/// </summary>
internal sealed partial class LoggingExceptionHandler : IWebJobsExceptionHandler
{
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<LoggingExceptionHandler> _logger;

    public LoggingExceptionHandler(IHostApplicationLifetime lifetime, ILogger<LoggingExceptionHandler> logger)
    {
        _lifetime = lifetime;
        _logger = logger;
    }

    public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod) => HandleAsync(exceptionInfo);

    public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo) => HandleAsync(exceptionInfo);

    private Task HandleAsync(ExceptionDispatchInfo exceptionInfo)
    {
        ArgumentNullException.ThrowIfNull(exceptionInfo);
        if (_lifetime.ApplicationStopping.IsCancellationRequested)
        {
            var errorType = exceptionInfo.SourceException.GetType().Name;
            LogDuringShutdown(_logger, errorType);
            return Task.CompletedTask;
        }

        LogUnhandled(_logger, exceptionInfo.SourceException);
        _lifetime.StopApplication();
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4402, Level = LogLevel.Critical, Message = "A WebJobs listener failed; stopping the local host")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Debug, Message = "A WebJobs listener failed during shutdown ({ErrorType}); its message is delivered again")]
    private static partial void LogDuringShutdown(ILogger logger, string errorType);
}
