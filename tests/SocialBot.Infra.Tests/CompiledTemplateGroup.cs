namespace SocialBot.Infra.Tests;

/// <summary>Compiles infra/main.bicep once for every test class that reads the ARM JSON.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledTemplateGroup : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "compiled main.bicep";
}
