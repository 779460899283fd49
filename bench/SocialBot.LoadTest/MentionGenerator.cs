using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SocialBot.LoadTest;

/// <summary>
/// Varied mentions in the queue's Mention format (DESIGN.md section 4): unique ids and conversations per run, authors
/// and channels in rotation, about a third of the texts negative, so every one is acknowledged after hours.
/// </summary>
internal sealed class MentionGenerator
{
    private static readonly string[] Texts =
    [
        "@ContosoCare been on hold for 2 hours and still no update on my refund. Where is my money?",
        "@ContosoCare does the blue jacket come in size M? Thinking of ordering one",
        "@ContosoCare my order says delivered but there's nothing at my door. Really frustrated",
        "thanks @ContosoCare, the replacement arrived today and it works perfectly!",
        "@ContosoCare 3 hours on the tarmac and still no update",
        "@ContosoCare can I change the delivery address on an order I placed this morning?",
        "@ContosoCare worst customer service ever, charged twice and nobody answers the phone",
        "@ContosoCare love the new app update, checkout is so much faster now",
        "@ContosoCare is the store on Main Street open on Sunday?",
        "@ContosoCare my card was declined three times, what is going on",
        "hey @ContosoCare, how do I reset my password? the link never arrives",
        "@ContosoCare package arrived damaged and the box was soaked. Not happy at all",
    ];

    private static readonly (string Handle, string Name)[] Authors =
    [
        ("@dana_k", "Dana Kim"), ("@marco.r", "Marco Rossi"), ("@priya", "Priya Nair"), ("@sam_o", "Sam O'Neill"),
        ("@lee.j", "Jordan Lee"), ("@amaraO", "Amara Okafor"), ("@tomasz", "Tomasz Nowak"),
    ];

    private static readonly string[] Channels = ["twitter", "twitter", "facebook", "instagram", "webchat"];

    private readonly string _runId;
    private readonly DateTimeOffset _receivedAt;

    public MentionGenerator(string runId, DateTimeOffset receivedAt)
    {
        _runId = runId;
        _receivedAt = receivedAt;
    }

    public static string IdOf(string runId, int index) => $"{runId}-{index.ToString("D6", CultureInfo.InvariantCulture)}";

    /// <summary>The mention's JSON, base64-encoded as the queue carries it by default (host.json messageEncoding).</summary>
    public string Message(int index)
    {
        var author = Authors[index % Authors.Length];
        var channel = Channels[index % Channels.Length];
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", IdOf(_runId, index));
            json.WriteString("channel", channel);
            json.WriteString("conversationId", $"{_runId}-conversation-{index.ToString(CultureInfo.InvariantCulture)}");
            json.WriteStartObject("author");
            json.WriteString("id", $"user-{(index % 997).ToString(CultureInfo.InvariantCulture)}");
            json.WriteString("handle", author.Handle);
            json.WriteString("name", author.Name);
            json.WriteEndObject();
            json.WriteString("text", $"{Texts[index % Texts.Length]} (#{index.ToString(CultureInfo.InvariantCulture)})");
            json.WriteString("receivedAt", _receivedAt.ToString("O", CultureInfo.InvariantCulture));
            json.WriteBoolean("isPublic", channel != "webchat");
            json.WriteNull("inReplyTo");
            json.WriteEndObject();
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    /// <summary>A filler message for the raw queue measurement, about the size of a mention.</summary>
    public static string Filler(int index) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('x', 300) + index.ToString(CultureInfo.InvariantCulture)));
}
