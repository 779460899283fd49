using SocialBot.Models.Embeddings;

namespace SocialBot.Models.Tests;

/// <summary>The real all-MiniLM-L6-v2 model (slow: loads ONNX; trait Category=Model).</summary>
[Collection(ModelCollection.Name)]
[Trait("Category", "Model")]
public sealed class MiniLmTextEmbedderTests(SharedModel model)
{
    [Fact]
    public void Embed_ShouldReturnUnitVectorsInInputOrder_WhenGivenABatch()
    {
        string[] texts = ["my bag never arrived", "", "thank you so much!", new string('x', 5000)];

        var vectors = model.Embedder.Embed(texts);

        Assert.True(model.Embedder.IsLoaded);
        Assert.Equal(texts.Length, vectors.Count);
        foreach (var vector in vectors)
        {
            Assert.Equal(MiniLmTextEmbedder.VectorLength, vector.Length);
            Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => (double)v * v)), 3);
        }

        var single = model.Embedder.Embed(["thank you so much!"])[0];
        Assert.True(Cosine(single, vectors[2]) > 0.999, "A text embeds the same alone and in a batch.");
    }

    [Fact]
    public void Embed_ShouldPlaceParaphrasesCloser_ThanUnrelatedTexts()
    {
        var v = model.Embedder.Embed(["where is my refund?", "I am still waiting for my money back", "the sunset over the lake was beautiful"]);

        Assert.True(Cosine(v[0], v[1]) > Cosine(v[0], v[2]) + 0.2, $"paraphrase {Cosine(v[0], v[1]):F3}, unrelated {Cosine(v[0], v[2]):F3}");
    }

    [Fact]
    public void Embed_ShouldIgnoreLinksAndHandles_WhenTheyAreTheOnlyDifference()
    {
        var v = model.Embedder.Embed(["@ContosoCare my order is late https://t.co/x1y2z3", "my order is late"]);

        Assert.True(Cosine(v[0], v[1]) > 0.999);
    }

    [Fact]
    public async Task Embed_ShouldServeConcurrentCallers_WhenCalledFromManyThreads()
    {
        var tasks = Enumerable.Range(0, 8).Select(i => Task.Run(() => model.Embedder.Embed([$"order {i} is late", "thanks"]))).ToArray();

        var results = await Task.WhenAll(tasks);

        Assert.All(results, r => Assert.Equal(2, r.Count));
        Assert.All(results, r => Assert.True(Cosine(r[1], results[0][1]) > 0.999));
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }
}
