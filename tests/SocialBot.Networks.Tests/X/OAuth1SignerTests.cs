using SocialBot.Networks.X;

namespace SocialBot.Networks.Tests.X;

public sealed class OAuth1SignerTests
{
    [Fact]
    public void Sign_ShouldMatchXDocumentationExample_WhenSigningTheStatusUpdateRequest()
    {
        // Arrange: the worked example of X's "Creating a signature" guide.
        var signer = new OAuth1Signer(
            "xvz1evFS4wEEPTGEFPHBog",
            "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
            "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
            "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");
        var oauth = new Dictionary<string, string>
        {
            ["oauth_consumer_key"] = "xvz1evFS4wEEPTGEFPHBog",
            ["oauth_nonce"] = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
            ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = "1318622958",
            ["oauth_token"] = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
            ["oauth_version"] = "1.0",
        };
        var form = new Dictionary<string, string> { ["status"] = "Hello Ladies + Gentlemen, a signed OAuth request!" };

        // Act
        var signature = signer.Sign(HttpMethod.Post, new Uri("https://api.twitter.com/1.1/statuses/update.json?include_entities=true"), form, oauth);

        // Assert
        Assert.Equal("hCtSmYh+iHYCEqBWrE7C7hYmtUk=", signature);
    }

    [Fact]
    public void Sign_ShouldMatchOAuthCoreExample_WhenSigningTheProtectedResourceRequest()
    {
        // Arrange: OAuth Core 1.0 appendix A.5 (the photos example RFC 5849 is derived from).
        var signer = new OAuth1Signer("dpf43f3p2l4k3l03", "kd94hf93k423kf44", "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00");
        var oauth = new Dictionary<string, string>
        {
            ["oauth_consumer_key"] = "dpf43f3p2l4k3l03",
            ["oauth_token"] = "nnch734d00sl2jdk",
            ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = "1191242096",
            ["oauth_nonce"] = "kllo9940pd9333jh",
            ["oauth_version"] = "1.0",
        };

        // Act
        var signature = signer.Sign(HttpMethod.Get, new Uri("http://photos.example.net/photos?file=vacation.jpg&size=original"), null, oauth);

        // Assert
        Assert.Equal("tR3+Ty81lMeYAr/Fid0kMTYa/WM=", signature);
    }

    [Fact]
    public void SignatureBaseString_ShouldEncodeAndSortParameters_WhenQueryHasReservedCharacters()
    {
        // Arrange
        var oauth = new Dictionary<string, string> { ["oauth_nonce"] = "n", ["oauth_signature"] = "ignored" };

        // Act
        var baseString = OAuth1Signer.SignatureBaseString(HttpMethod.Get, new Uri("https://API.x.com:443/2/tweets/search/recent?query=%22market%20hall%22%20-is%3Aretweet&max_results=100"), null, oauth);

        // Assert
        Assert.Equal(
            "GET&https%3A%2F%2Fapi.x.com%2F2%2Ftweets%2Fsearch%2Frecent&max_results%3D100%26oauth_nonce%3Dn%26query%3D%2522market%2520hall%2522%2520-is%253Aretweet",
            baseString);
    }

    [Fact]
    public void Encode_ShouldPercentEncodeUtf8_WhenValueHasNonAscii()
    {
        Assert.Equal("caf%C3%A9%20%2B%20%E2%98%83~", OAuth1Signer.Encode("café + ☃~"));
    }
}
