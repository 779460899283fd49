namespace SocialBot.LocalHost.Hosting;

/// <summary>A class whose <c>[FunctionName]</c> methods the local host's WebJobs host indexes (see <see cref="LocalHostApp"/>).</summary>
public sealed record LocalJobType(Type Type);
