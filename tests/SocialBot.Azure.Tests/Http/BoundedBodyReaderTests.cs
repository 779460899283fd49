using System.Text;
using SocialBot.Azure.Http;

namespace SocialBot.Azure.Tests.Http;

public sealed class BoundedBodyReaderTests
{
    [Fact]
    public async Task Read_ShouldStopOneBytePastTheCap_WhenChunkedBodyNeverEnds()
    {
        using var body = new EndlessStream();

        var result = await BoundedBodyReader.ReadAsync(body, declaredLength: null, limit: 100_000);

        Assert.True(result.IsTooLarge);
        Assert.Equal(100_001, body.BytesRead);
        Assert.Equal("the request body is larger than 100000 bytes", result.TooLargeMessage);
    }

    [Fact]
    public async Task Read_ShouldRefuseWithoutReading_WhenDeclaredLengthIsOverTheCap()
    {
        using var body = new EndlessStream();

        var result = await BoundedBodyReader.ReadAsync(body, declaredLength: 25 * 1024 * 1024, limit: 256 * 1024);

        Assert.True(result.IsTooLarge);
        Assert.Equal(0, body.BytesRead);
    }

    [Fact]
    public async Task Read_ShouldStopAtTheCap_WhenDeclaredLengthIsSmallerThanTheBody()
    {
        using var body = new EndlessStream();

        var result = await BoundedBodyReader.ReadAsync(body, declaredLength: 10, limit: 50_000);

        Assert.True(result.IsTooLarge);
        Assert.Equal(50_001, body.BytesRead);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(20_000)]
    [InlineData(65_536)]
    public async Task Read_ShouldReturnTheWholeBody_WhenItFitsTheCap(int size)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)(i % 251)).ToArray();
        using var body = new MemoryStream(bytes);

        var result = await BoundedBodyReader.ReadAsync(body, declaredLength: null, limit: 65_536);

        Assert.False(result.IsTooLarge);
        Assert.Equal(bytes, result.Content.ToArray());
    }

    [Fact]
    public async Task Read_ShouldReturnTheBody_WhenDeclaredLengthIsExactlyTheCap()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"type\":\"message\"}");
        using var body = new MemoryStream(bytes);

        var result = await BoundedBodyReader.ReadAsync(body, bytes.Length, limit: bytes.Length);

        Assert.False(result.IsTooLarge);
        Assert.Equal(bytes, result.Content.ToArray());
    }
}
