using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core;
using SocialBot.Core.Answers;
using SocialBot.Core.Mentions;
using SocialBot.Core.Triage;
using SocialBot.Core.Configuration;

namespace SocialBot.Benchmarks;

/// <summary>
/// What quick answers add per mention, after hours, with the default knowledge list and the lexical (BM25) matcher:
/// <see cref="Find"/> is the lookup alone; <see cref="Decide"/> is a whole triage decision with
/// <c>SocialBot:Answers:Enabled</c> on and off, so the difference is the added latency (lookup plus composing the
/// answer into the acknowledgement). Eight mentions per invocation: four questions the list answers, four it does not.
/// Not sealed: BenchmarkDotNet derives from benchmark classes.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AnswersBenchmarks : IDisposable
{
    private const int MentionCount = 8;

    private static readonly string[] Texts =
    [
        "@ContosoCare are you open if it rains tomorrow?",
        "@ContosoCare hi! do you ship to Canada? thinking of ordering the blue one",
        "@ContosoCare what's your returns policy?",
        "@ContosoCare how long do refunds take to process?",
        "@ContosoCare been on hold for 2 hours and still no update on my refund. Where is my money?",
        "@ContosoCare does the blue jacket come in size M? Thinking of ordering one for my sister",
        "@ContosoCare is the rain going to ruin my delivery?",
        "thanks @ContosoCare, the replacement arrived today and it works perfectly!",
    ];

    private ServiceProvider? _services;
    private TriagePolicy _policy = null!;
    private QuickAnswers _answers = null!;
    private Mention[] _mentions = [];
    private readonly DateTimeOffset _at = DateTimeOffset.Parse("2026-11-23T21:00:00-05:00", CultureInfo.InvariantCulture);

    [Params(true, false)]
    public bool AnswersEnabled { get; set; } = true;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(AnswersEnabled ? [] : new Dictionary<string, string?> { ["SocialBot:Answers:Enabled"] = "false" })
            .AddSocialBotDefaults()
            .Build();
        _services = new ServiceCollection().AddSocialBotCore(configuration).BuildServiceProvider();
        _policy = _services.GetRequiredService<TriagePolicy>();
        _answers = _services.GetRequiredService<QuickAnswers>();
        _mentions = [.. Texts.Select((text, i) => new Mention
        {
            Id = (1861234567890101 + i).ToString(CultureInfo.InvariantCulture),
            Channel = "twitter",
            ConversationId = "conversation-" + i.ToString(CultureInfo.InvariantCulture),
            Author = new MentionAuthor { Id = (98765 + i).ToString(CultureInfo.InvariantCulture), Handle = "@dana_k", Name = "Dana Kim" },
            Text = text,
            ReceivedAt = _at.AddMinutes(-1),
            IsPublic = true,
        })];
        _policy.DecideAsync(_mentions[0], _at).GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = MentionCount)]
    public int Find()
    {
        var answered = 0;
        foreach (var mention in _mentions)
        {
            answered += _answers.Find(mention, negative: false, _at)?.Answer is null ? 0 : 1;
        }

        return answered;
    }

    [Benchmark(OperationsPerInvoke = MentionCount)]
    public async Task<int> Decide()
    {
        var answered = 0;
        foreach (var mention in _mentions)
        {
            answered += (await _policy.DecideAsync(mention, _at)).Answer is null ? 0 : 1;
        }

        return answered;
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
