using Azure.Data.Tables;
using SocialBot.Azure.Storage;

namespace SocialBot.Azure.Tests;

public sealed class TableTextTests
{
    [Theory]
    [InlineData("x", 100)]
    [InlineData("x", 95_000)]
    [InlineData("😡", 40_000)]
    public void WriteThenRead_ShouldGiveBackTheValue_WithEveryPartUnderTheLimitAndNoSplitPair(string unit, int count)
    {
        // Arrange
        var value = string.Concat(Enumerable.Repeat(unit, count));
        var entity = new TableEntity("p", "r");

        // Act
        TableText.Write(entity, "Ticket", value);

        // Assert
        Assert.Equal(value, TableText.Read(entity, "Ticket"));
        foreach (var part in entity.Keys.Where(key => key.StartsWith("Ticket", StringComparison.Ordinal)).Select(key => (string)entity[key]))
        {
            Assert.True(part.Length <= 32_768, $"{part.Length} characters");
            Assert.False(char.IsHighSurrogate(part[^1]));
            Assert.False(char.IsLowSurrogate(part[0]));
        }
    }

    [Fact]
    public void Write_ShouldDropOldParts_WhenTheValueShrinks()
    {
        // Arrange
        var entity = new TableEntity("p", "r");
        TableText.Write(entity, "Audit", new string('x', 70_000));

        // Act
        TableText.Write(entity, "Audit", "[]");

        // Assert
        Assert.Equal("[]", TableText.Read(entity, "Audit"));
        Assert.Single(entity.Keys, key => key.StartsWith("Audit", StringComparison.Ordinal));
    }
}
