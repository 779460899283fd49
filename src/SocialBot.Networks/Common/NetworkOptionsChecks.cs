namespace SocialBot.Networks.Common;

/// <summary>Checks shared by the networks' options validators; each problem names the full configuration key.</summary>
public static class NetworkOptionsChecks
{
    public static void AbsoluteHttpUrl(string key, string? value, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{key}: is required");
        }
        else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{key}: '{Shorten(value)}' is not an absolute http(s) URL");
        }
    }

    public static void Required(string key, string? value, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{key}: is required when the network is configured");
        }
    }

    public static void PollSeconds(string key, int value, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value is < 5 or > 86_400)
        {
            problems.Add($"{key}: {value} is outside 5..86400");
        }
    }

    public static void Queries(string key, IList<string> queries, int maxLength, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(problems);
        if (queries.Count > 10)
        {
            problems.Add($"{key}: at most 10 entries ({queries.Count} given); each is polled separately");
        }

        for (var i = 0; i < queries.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(queries[i]) || queries[i].Length > maxLength)
            {
                problems.Add($"{key}:{i}: must be non-empty and at most {maxLength} characters");
            }
        }
    }

    /// <summary>The base URL with a trailing slash, so relative routes append to its path.</summary>
    public static Uri BaseUri(string value) => new(value.EndsWith('/') ? value : value + "/", UriKind.Absolute);

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
