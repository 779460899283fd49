using Microsoft.Extensions.Logging.Abstractions;
using SocialBot.Models.Embeddings;

namespace SocialBot.Models.Tests;

/// <summary>One loaded MiniLM encoder for every test that needs the real model (loading costs seconds and ~400 MB).</summary>
public sealed class SharedModel : IDisposable
{
    public MiniLmTextEmbedder Embedder { get; } = new(new EmbeddingOptions(), NullLogger<MiniLmTextEmbedder>.Instance);

    public void Dispose() => Embedder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ModelCollection : ICollectionFixture<SharedModel>
{
    public const string Name = "real MiniLM model";
}

internal static class SentimentData
{
    /// <summary>../shared/data/sentiment beside the repository (the folder is not optional: a missing one fails the test).</summary>
    public static string Folder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SocialBot.sln")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, $"No folder containing SocialBot.sln above {AppContext.BaseDirectory}.");
        var folder = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "sentiment"));
        Assert.True(Directory.Exists(folder), $"Sentiment data missing: {folder}. It lives in ../shared/data/sentiment beside the repository.");
        return folder;
    }
}
