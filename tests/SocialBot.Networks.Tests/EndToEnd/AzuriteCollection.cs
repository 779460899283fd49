using SocialBot.Testing;

namespace SocialBot.Networks.Tests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
