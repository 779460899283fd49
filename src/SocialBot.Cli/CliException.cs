namespace SocialBot.Cli;

/// <summary>Bad input: the command prints one line naming the problem and exits with code 2.</summary>
internal class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The input was fine but something it needs is not (storage unreachable): one line on stderr, exit code 1.</summary>
internal sealed class CliUnavailableException : CliException
{
    public CliUnavailableException()
    {
    }

    public CliUnavailableException(string message)
        : base(message)
    {
    }

    public CliUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
