namespace SocialBot.Cli;

/// <summary>Bad input: the command prints one line naming the problem and exits with code 2.</summary>
internal sealed class CliException : Exception
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
