using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core;
using SocialBot.Core.Mentions;
using SocialBot.Core.Triage;
using SocialBot.Core.Configuration;

namespace SocialBot.Benchmarks;

/// <summary>
/// One <see cref="TriagePolicy.DecideAsync(Mention, DateTimeOffset, CancellationToken)"/> in-process with the default
/// configuration: the embedded analyzer, the default staffed hours and an empty conversation history. One invocation
/// decides each of eight realistic mentions once, so the reported time is per decision. <see cref="At"/> is after
/// hours (every decision composes an acknowledgement) or during hours (no reply is composed).
/// Not sealed: BenchmarkDotNet derives from benchmark classes.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TriageBenchmarks : IDisposable
{
    private const int MentionCount = 8;

    private static readonly string[] Texts =
    [
        "@ContosoCare been on hold for 2 hours and still no update on my refund. Where is my money?",
        "@ContosoCare does the blue jacket come in size M? Thinking of ordering one for my sister",
        "@ContosoCare my order #4471 says delivered but there's nothing at my door. Really frustrated",
        "thanks @ContosoCare, the replacement arrived today and it works perfectly!",
        "@ContosoCare 3 hours on the tarmac and still no update",
        "@ContosoCare can I change the delivery address on an order I placed this morning?",
        "@ContosoCare worst customer service ever, charged twice and nobody answers the phone",
        "@ContosoCare love the new app update, checkout is so much faster now 🎉",
    ];

    private static readonly (string Handle, string Name)[] Authors =
    [
        ("@dana_k", "Dana Kim"), ("@marco.r", "Marco Rossi"), ("@priya", "Priya Nair"), ("@sam_o", "Sam O'Neill"),
    ];

    private ServiceProvider? _services;
    private TriagePolicy _policy = null!;
    private Mention[] _mentions = [];
    private DateTimeOffset _at;

    [Params("after-hours", "during-hours")]
    public string When { get; set; } = "after-hours";

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddSocialBotCore(new ConfigurationBuilder().AddSocialBotDefaults().Build()).BuildServiceProvider();
        _policy = _services.GetRequiredService<TriagePolicy>();
        _at = When == "after-hours"
            ? DateTimeOffset.Parse("2026-11-23T21:00:00-05:00", CultureInfo.InvariantCulture)
            : DateTimeOffset.Parse("2026-11-24T11:00:00-05:00", CultureInfo.InvariantCulture);
        _mentions = [.. Texts.Select((text, i) => new Mention
        {
            Id = (1861234567890001 + i).ToString(CultureInfo.InvariantCulture),
            Channel = i % 3 == 2 ? "webchat" : "twitter",
            ConversationId = "conversation-" + i.ToString(CultureInfo.InvariantCulture),
            Author = new MentionAuthor
            {
                Id = (98765 + i).ToString(CultureInfo.InvariantCulture),
                Handle = Authors[i % Authors.Length].Handle,
                Name = Authors[i % Authors.Length].Name,
            },
            Text = text,
            ReceivedAt = _at.AddMinutes(-1),
            IsPublic = i % 3 != 2,
        })];
        if (_mentions.Length != MentionCount)
        {
            throw new InvalidOperationException($"Expected {MentionCount} mentions, found {_mentions.Length}");
        }

        _policy.DecideAsync(_mentions[0], _at).GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = MentionCount)]
    public async Task<int> Decide()
    {
        var replies = 0;
        foreach (var mention in _mentions)
        {
            var decision = await _policy.DecideAsync(mention, _at);
            replies += decision.Reply is null ? 0 : 1;
        }

        return replies;
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        _services?.Dispose();
        _services = null;
        GC.SuppressFinalize(this);
    }
}
