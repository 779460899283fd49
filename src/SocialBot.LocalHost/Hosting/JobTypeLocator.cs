using Microsoft.Azure.WebJobs;

namespace SocialBot.LocalHost.Hosting;

/// <summary>Exactly the registered <see cref="LocalJobType"/>s, instead of the SDK's assembly scan.</summary>
internal sealed class JobTypeLocator : ITypeLocator
{
    private readonly IReadOnlyList<Type> _types;

    public JobTypeLocator(IEnumerable<LocalJobType> types)
    {
        _types = types.Select(type => type.Type).Distinct().ToList();
    }

    public IReadOnlyList<Type> GetTypes() => _types;
}
