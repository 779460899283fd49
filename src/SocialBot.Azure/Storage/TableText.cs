using Azure.Data.Tables;

namespace SocialBot.Azure.Storage;

/// <summary>
/// Long strings in table entities. A table string property holds at most 32K UTF-16 characters (64 KiB) and an entity
/// at most 1 MiB, so a value longer than <see cref="PartLength"/> is split over <c>Name</c>, <c>Name_1</c>, <c>Name_2</c>…
/// (never between the two halves of a surrogate pair) and joined again on read. Anything read from a queue message (at
/// most 64 KiB) fits in a handful of parts.
/// </summary>
public static class TableText
{
    /// <summary>The longest part written, below the service's 32,768-character limit.</summary>
    public const int PartLength = 30_000;

    /// <summary>The most parts one value may use (so a value never grows an entity past 1 MiB).</summary>
    public const int MaxParts = 16;

    public static void Write(TableEntity entity, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(name);
        for (var part = 1; entity.ContainsKey(PartName(name, part)); part++)
        {
            entity.Remove(PartName(name, part));
        }

        if (value is null || value.Length <= PartLength)
        {
            entity[name] = value;
            return;
        }

        var start = 0;
        for (var part = 0; start < value.Length; part++)
        {
            if (part == MaxParts)
            {
                throw new ArgumentException($"{name} is {value.Length} characters; at most {PartLength * MaxParts} fit in a table entity", nameof(value));
            }

            var length = Math.Min(PartLength, value.Length - start);
            if (start + length < value.Length && char.IsHighSurrogate(value[start + length - 1]))
            {
                length--;
            }

            entity[PartName(name, part)] = value.Substring(start, length);
            start += length;
        }
    }

    public static string? Read(TableEntity entity, string name)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var first = entity.GetString(name);
        if (first is null || !entity.ContainsKey(PartName(name, 1)))
        {
            return first;
        }

        var builder = new System.Text.StringBuilder(first);
        for (var part = 1; entity.GetString(PartName(name, part)) is { } next; part++)
        {
            builder.Append(next);
        }

        return builder.ToString();
    }

    private static string PartName(string name, int part) => part == 0 ? name : $"{name}_{part}";
}
